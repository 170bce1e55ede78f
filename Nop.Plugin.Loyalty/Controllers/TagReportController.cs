using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// The member tag reports and the newsletter tagging: orders by tag (/Admin/MemberTags/Orders), sales by tag
/// (/Admin/MemberTags/Sales) and "tag the recipients of this campaign" (/Admin/MemberTags/Campaign/{id}).
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class TagReportController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Tags/Reports/";

    private readonly ICampaignService _campaignService;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly INewsLetterSubscriptionTypeService _subscriptionTypeService;
    private readonly INotificationService _notificationService;
    private readonly IStoreService _storeService;
    private readonly CampaignTaggingService _campaignTaggingService;
    private readonly TagReportModelFactory _modelFactory;
    private readonly TagReportService _reportService;

    public TagReportController(ICampaignService campaignService,
        ICustomerService customerService,
        ILocalizationService localizationService,
        INewsLetterSubscriptionTypeService subscriptionTypeService,
        INotificationService notificationService,
        IStoreService storeService,
        CampaignTaggingService campaignTaggingService,
        TagReportModelFactory modelFactory,
        TagReportService reportService)
    {
        _campaignService = campaignService;
        _customerService = customerService;
        _localizationService = localizationService;
        _subscriptionTypeService = subscriptionTypeService;
        _notificationService = notificationService;
        _storeService = storeService;
        _campaignTaggingService = campaignTaggingService;
        _modelFactory = modelFactory;
        _reportService = reportService;
    }

    #region Utilities

    /// <summary>The request's broken rules as localized messages (no tag chosen, a period ending before it starts).</summary>
    private async Task<IList<string>> ErrorsAsync(TagReportSearchModel search)
    {
        var messages = new List<string>();
        foreach (var error in TagReportFilter.Check((search.TagIds ?? []).ToList(), TagReportService.Day(search.StartDate), TagReportService.Day(search.EndDate)))
            messages.Add(await LocalizedMessages.FormatAsync(_localizationService, error));
        return messages;
    }

    private async Task<bool> RejectAsync(TagReportSearchModel search)
    {
        var errors = await ErrorsAsync(search);
        foreach (var error in errors)
            _notificationService.ErrorNotification(error);
        return errors.Count > 0;
    }

    private void CsvResponse(string fileName)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
    }

    #endregion

    #region Orders by tag

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> Orders()
    {
        var model = await _modelFactory.PrepareSearchModelAsync(new TagReportSearchModel(), countedStatuses: false);
        return View(ViewsPath + "Orders.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> OrderList(TagReportSearchModel searchModel)
    {
        var errors = await ErrorsAsync(searchModel);
        if (errors.Count > 0)
            return Json(new { Data = Array.Empty<object>(), draw = searchModel.Draw, recordsTotal = 0, recordsFiltered = 0, Errors = errors });

        return Json(await _modelFactory.PrepareOrderListModelAsync(searchModel));
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    [CheckPermission(StandardPermission.Orders.ORDERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportOrders(TagReportSearchModel searchModel)
    {
        if (await RejectAsync(searchModel))
            return View(ViewsPath + "Orders.cshtml", await _modelFactory.PrepareSearchModelAsync(searchModel, countedStatuses: false));

        //written page by page as read: a tag may have placed hundreds of thousands of orders
        CsvResponse("orders-by-tag.csv");
        await _modelFactory.WriteOrdersCsvAsync(searchModel, Response.Body);
        return new EmptyResult();
    }

    #endregion

    #region Sales by tag

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> Sales()
    {
        var model = await _modelFactory.PrepareSalesModelAsync(new TagReportSearchModel(), run: false, firstVisit: true);
        return View(ViewsPath + "Sales.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    public async Task<IActionResult> Sales(TagReportSearchModel search)
    {
        var run = !await RejectAsync(search);
        return View(ViewsPath + "Sales.cshtml", await _modelFactory.PrepareSalesModelAsync(search, run, firstVisit: false));
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Orders.ORDERS_VIEW)]
    [CheckPermission(StandardPermission.Orders.ORDERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportSales(TagReportSearchModel search)
    {
        if (await RejectAsync(search))
            return View(ViewsPath + "Sales.cshtml", await _modelFactory.PrepareSalesModelAsync(search, run: false, firstVisit: false));

        CsvResponse("sales-by-tag.csv");
        await _modelFactory.WriteSalesCsvAsync(search, Response.Body);
        return new EmptyResult();
    }

    #endregion

    #region Newsletter

    private async Task<CampaignTaggingModel> PrepareCampaignModelAsync(Campaign campaign, CampaignTaggingModel model)
    {
        model.CampaignId = campaign.Id;
        model.CampaignName = campaign.Name;
        foreach (var tag in await _reportService.GetManualTagsAsync())
            model.AvailableTags.Add(new(tag.Name, tag.TagId.ToString(), tag.TagId == model.TagId));

        var all = await _localizationService.GetResourceAsync("Admin.Common.All");
        var store = campaign.StoreId > 0 ? (await _storeService.GetStoreByIdAsync(campaign.StoreId))?.Name : null;
        var role = campaign.CustomerRoleId > 0 ? (await _customerService.GetCustomerRoleByIdAsync(campaign.CustomerRoleId))?.Name : null;
        var type = campaign.NewsLetterSubscriptionTypeId > 0
            ? (await _subscriptionTypeService.GetNewsLetterSubscriptionTypeByIdAsync(campaign.NewsLetterSubscriptionTypeId))?.Name
            : null;
        model.AudienceText = string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Tags.Newsletter.Audience"),
            store ?? all, role ?? all, type ?? all);
        return model;
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Promotions.CAMPAIGNS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Campaign(int id)
    {
        var campaign = await _campaignService.GetCampaignByIdAsync(id);
        if (campaign == null)
            return RedirectToAction("List", "Campaign");

        return View(ViewsPath + "Campaign.cshtml", await PrepareCampaignModelAsync(campaign, new CampaignTaggingModel()));
    }

    /// <summary>Counts the recipients (<paramref name="confirm"/> false), or queues their tagging (true, after a count).</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Promotions.CAMPAIGNS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Campaign(int id, CampaignTaggingModel model, bool confirm)
    {
        var campaign = await _campaignService.GetCampaignByIdAsync(id);
        if (campaign == null)
            return RedirectToAction("List", "Campaign");

        var tag = (await _reportService.GetManualTagsAsync()).FirstOrDefault(t => t.TagId == model.TagId);
        if (tag == null)
        {
            _notificationService.ErrorNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Tags.Newsletter.TagRequired"));
            return View(ViewsPath + "Campaign.cshtml", await PrepareCampaignModelAsync(campaign, new CampaignTaggingModel { TagId = model.TagId }));
        }

        var audience = await _campaignTaggingService.AudienceAsync(campaign);
        if (!confirm)
        {
            var counted = await PrepareCampaignModelAsync(campaign, new CampaignTaggingModel { TagId = tag.TagId });
            counted.RecipientCount = await _campaignTaggingService.CountAsync(audience);
            return View(ViewsPath + "Campaign.cshtml", counted);
        }

        await _campaignTaggingService.EnqueueAsync(tag.TagId, audience);
        _notificationService.SuccessNotification(string.Format(
            await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Tags.Newsletter.Queued"), tag.Name));
        return RedirectToAction("Edit", "Campaign", new { id });
    }

    #endregion
}
