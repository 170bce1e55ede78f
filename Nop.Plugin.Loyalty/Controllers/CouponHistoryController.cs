using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Net.Http.Headers;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Coupons;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>Admin coupon history: who received what, every use (filtered by place), the sharers; grids and CSV.</summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class CouponHistoryController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Admin/Coupons/";
    private const string Csv = LoyaltyDefaults.ResourcePrefix + ".Coupons.History.Csv.";

    private static readonly string[] RecipientHeader =
        ["CopyId", "CouponId", "Title", "CustomerId", "Email", "Name", "ReceivedOnUtc", "FirstViewedOnUtc", "SharedById", "SharedByEmail", "LastUsedOnUtc", "UseCount", "UsesLeft"];
    private static readonly string[] UseHeader =
        ["UseId", "CouponId", "Title", "CustomerId", "Email", "Name", "Kind", "OrderId", "PlaceId", "PlaceName", "UsedOnUtc", "ReturnedOnUtc"];
    private static readonly string[] SharerHeader = ["CustomerId", "Email", "Name", "Shares", "Referrals"];

    private readonly CouponPipeline _pipeline;
    private readonly CouponDistributionService _distributions;
    private readonly ICouponData _data;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly LoyaltyDates _dates;

    public CouponHistoryController(CouponPipeline pipeline,
        CouponDistributionService distributions,
        ICouponData data,
        ICustomerService customerService,
        ILocalizationService localizationService,
        LoyaltyDates dates)
    {
        _pipeline = pipeline;
        _distributions = distributions;
        _data = data;
        _customerService = customerService;
        _localizationService = localizationService;
        _dates = dates;
    }

    private static string Who(int id, string email, string first, string last)
    {
        var name = $"{first} {last}".Trim();
        return string.Join(" ", new[] { $"#{id}", email, name.Length > 0 ? $"({name})" : null }.Where(p => !string.IsNullOrEmpty(p)));
    }

    private Task<string> InstantAsync(DateTime? utc) => _dates.InstantAsync(utc, DateAudience.Admin);

    private async Task<IReadOnlyList<string>> HeaderAsync(IEnumerable<string> columns) =>
        await LocalizedMessages.TextsAsync(_localizationService, columns.Select(c => Csv + c));

    private void CsvResponse(string fileName)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
    }

    private Task<string> KindTextAsync(UseKind kind) => _localizationService.GetResourceAsync($"Plugins.Misc.Loyalty.Coupons.History.Kind.{kind}");

    #region Recipients

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> History(int couponId, string customer)
    {
        var coupon = await _distributions.GetCouponAsync(couponId);
        if (coupon == null)
            return NotFound();
        var model = new CouponRecipientSearchModel { CouponId = coupon.Id, CouponTitle = coupon.Title, Customer = customer?.Trim() };
        if (!string.IsNullOrEmpty(model.Customer))
            model.CustomerId = await FindCustomerAsync(model.Customer) ?? CouponRecipientSearchModel.NoCustomer;
        model.SetGridPageSize();
        ViewBag.Distributions = await _distributions.GetDistributionsAsync(coupon.Id);
        return View(ViewsPath + "History.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> RecipientList(CouponRecipientSearchModel searchModel)
    {
        var page = await _pipeline.RecipientsAsync(RecipientFilterOf(searchModel.CouponId, searchModel.CustomerId),
            searchModel.Start, searchModel.Length);
        var rows = new List<CouponRecipientModel>();
        foreach (var l in page.Rows)
            rows.Add(new CouponRecipientModel
            {
                CopyId = l.CopyId,
                CouponId = l.CouponId,
                Title = l.Title,
                CustomerId = l.CustomerId,
                Customer = Who(l.CustomerId, l.Email, l.FirstName, l.LastName),
                ReceivedOn = await InstantAsync(l.ReceivedOnUtc),
                FirstViewedOn = await InstantAsync(l.FirstViewedOnUtc),
                SharedFrom = l.SharedByCustomerId is { } by ? Who(by, l.SharedByEmail, null, null) : string.Empty,
                LastUsedOn = await InstantAsync(l.LastUsedOnUtc),
                UseCount = l.UseCount,
                UsesLeft = l.UsesLeft
            });
        return Json(new CouponRecipientListModel { Data = rows, Draw = searchModel.Draw, RecordsTotal = page.Total, RecordsFiltered = page.Total });
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportRecipients(int couponId, int customerId = 0)
    {
        //written page by page as read: a coupon may have been sent to hundreds of thousands of customers
        CsvResponse($"coupon-{couponId}-recipients.csv");
        await CouponCsv.WriteRecipientsAsync(_data, RecipientFilterOf(couponId, customerId), await HeaderAsync(RecipientHeader),
            Response.Body, cancellationToken: HttpContext.RequestAborted);
        return new EmptyResult();
    }

    // A customer searched for and not found filters on an id no customer has: the grid and the file are empty.
    private static RecipientFilter RecipientFilterOf(int couponId, int customerId) =>
        new(CouponId: couponId > 0 ? couponId : null, CustomerId: customerId != 0 ? customerId : null);

    /// <summary>The customer an admin typed: an ID, else an email.</summary>
    private async Task<int?> FindCustomerAsync(string text)
    {
        var customer = int.TryParse(text, out var id)
            ? await _customerService.GetCustomerByIdAsync(id)
            : await _customerService.GetCustomerByEmailAsync(text);
        return customer?.Id;
    }

    #endregion

    #region Uses

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> Uses(int couponId = 0, int copyId = 0, int placeCustomerId = 0)
    {
        var model = new CouponUseSearchModel { CouponId = couponId, CopyId = copyId, PlaceCustomerId = placeCustomerId };
        model.AvailablePlaces.Add(new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.History.AllPlaces"), "0"));
        foreach (var place in await _pipeline.PlacesAsync(HttpContext.RequestAborted))
            model.AvailablePlaces.Add(new SelectListItem($"#{place.StaffCustomerId} {place.StaffName}".Trim(),
                place.StaffCustomerId.ToString(), place.StaffCustomerId == placeCustomerId));
        model.SetGridPageSize();
        return View(ViewsPath + "Uses.cshtml", model);
    }

    private static UseFilter UseFilterOf(int couponId, int copyId, int placeCustomerId) => new(
        CouponId: couponId > 0 ? couponId : null,
        PlaceCustomerId: placeCustomerId > 0 ? placeCustomerId : null,
        CopyId: copyId > 0 ? copyId : null);

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> UseList(CouponUseSearchModel searchModel)
    {
        var page = await _pipeline.UsesAsync(UseFilterOf(searchModel.CouponId, searchModel.CopyId, searchModel.PlaceCustomerId),
            searchModel.Start, searchModel.Length);
        var rows = new List<CouponUseModel>();
        foreach (var l in page.Rows)
            rows.Add(new CouponUseModel
            {
                UseId = l.UseId,
                CouponId = l.CouponId,
                Title = l.Title,
                CustomerId = l.CustomerId,
                Customer = Who(l.CustomerId, l.Email, l.FirstName, l.LastName),
                Kind = await KindTextAsync(l.Kind),
                Place = l.PlaceCustomerId is { } place ? $"#{place} {l.PlaceName}".Trim() : string.Empty,
                PlaceCustomerId = l.PlaceCustomerId,
                OrderId = l.OrderId,
                UsedOn = await InstantAsync(l.UsedOnUtc),
                ReturnedOn = await InstantAsync(l.ReturnedOnUtc)
            });
        return Json(new CouponUseListModel { Data = rows, Draw = searchModel.Draw, RecordsTotal = page.Total, RecordsFiltered = page.Total });
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportUses(int couponId = 0, int copyId = 0, int placeCustomerId = 0)
    {
        var kinds = new Dictionary<UseKind, string>();
        foreach (var kind in Enum.GetValues<UseKind>())
            kinds[kind] = await KindTextAsync(kind);
        CsvResponse("coupon-uses.csv");
        await CouponCsv.WriteUsesAsync(_data, UseFilterOf(couponId, copyId, placeCustomerId), await HeaderAsync(UseHeader),
            kind => kinds.GetValueOrDefault(kind, kind.ToString()), Response.Body, cancellationToken: HttpContext.RequestAborted);
        return new EmptyResult();
    }

    #endregion

    #region Sharers

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public IActionResult Sharers()
    {
        var model = new CouponSharerSearchModel();
        model.SetGridPageSize();
        return View(ViewsPath + "Sharers.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> SharerList(CouponSharerSearchModel searchModel)
    {
        var page = await _pipeline.SharersAsync(searchModel.Start, searchModel.Length);
        var rows = page.Rows.Select(l => new CouponSharerModel
        {
            CustomerId = l.CustomerId,
            Customer = Who(l.CustomerId, l.Email, l.FirstName, l.LastName),
            Shares = l.Shares,
            Referrals = l.Referrals
        }).ToList();
        return Json(new CouponSharerListModel { Data = rows, Draw = searchModel.Draw, RecordsTotal = page.Total, RecordsFiltered = page.Total });
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportSharers()
    {
        CsvResponse("coupon-sharers.csv");
        await CouponCsv.WriteSharersAsync(_data, await HeaderAsync(SharerHeader), Response.Body, cancellationToken: HttpContext.RequestAborted);
        return new EmptyResult();
    }

    #endregion
}
