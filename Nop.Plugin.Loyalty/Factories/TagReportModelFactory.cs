using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Services.Stores;
using Nop.Web.Areas.Admin.Factories;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Prepares the tag report pages: the filter's choices, the orders grid's rows and the sales lines.</summary>
public class TagReportModelFactory
{
    public static readonly IReadOnlyList<string> OrdersCsvHeaderResources =
    [
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.OrderId", "Plugins.Misc.Loyalty.Tags.Reports.Csv.CreatedOnUtc",
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.CustomerId", "Plugins.Misc.Loyalty.Tags.Reports.Csv.Email",
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.FullName", "Plugins.Misc.Loyalty.Tags.Reports.Csv.OrderStatus",
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.OrderTotal", "Plugins.Misc.Loyalty.Tags.Reports.Csv.Tags"
    ];

    public static readonly IReadOnlyList<string> SalesCsvHeaderResources =
    [
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.Tag", "Plugins.Misc.Loyalty.Tags.Reports.Csv.Orders",
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.Customers", "Plugins.Misc.Loyalty.Tags.Reports.Csv.Revenue",
        "Plugins.Misc.Loyalty.Tags.Reports.Csv.AverageOrder"
    ];

    private readonly IBaseAdminModelFactory _baseAdminModelFactory;
    private readonly ILocalizationService _localizationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IStoreService _storeService;
    private readonly LoyaltyDates _dates;
    private readonly TagReportService _reportService;

    public TagReportModelFactory(IBaseAdminModelFactory baseAdminModelFactory,
        ILocalizationService localizationService,
        IPriceFormatter priceFormatter,
        IStoreService storeService,
        LoyaltyDates dates,
        TagReportService reportService)
    {
        _baseAdminModelFactory = baseAdminModelFactory;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
        _storeService = storeService;
        _dates = dates;
        _reportService = reportService;
    }

    /// <summary>The filter's choices; <paramref name="countedStatuses"/> preselects the statuses that count as sales when none is chosen.</summary>
    public async Task<TagReportSearchModel> PrepareSearchModelAsync(TagReportSearchModel model, bool countedStatuses)
    {
        ArgumentNullException.ThrowIfNull(model);

        foreach (var tag in await _reportService.GetTagsAsync())
            model.AvailableTags.Add(new SelectListItem(tag.Name, tag.TagId.ToString(), model.TagIds.Contains(tag.TagId)));

        await _baseAdminModelFactory.PrepareOrderStatusesAsync(model.AvailableOrderStatuses, withSpecialDefaultItem: false);
        if (countedStatuses && model.OrderStatusIds.Count == 0)
            model.OrderStatusIds = OrderStatuses.CountedByDefault.ToList();
        foreach (var item in model.AvailableOrderStatuses)
            item.Selected = int.TryParse(item.Value, out var id) && model.OrderStatusIds.Contains(id);

        await _baseAdminModelFactory.PrepareStoresAsync(model.AvailableStores);
        model.TimeZoneName = LoyaltyDates.ZoneName(_dates.StoreZone);
        model.SetGridPageSize();
        return model;
    }

    /// <summary>A page of the orders grid, read below the previous page's last order (keyset: the pager only steps forward and back).</summary>
    public async Task<TagOrderListModel> PrepareOrderListModelAsync(TagReportSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        var (filter, tags) = await _reportService.FilterAsync(searchModel.TagIds, searchModel.StartDate, searchModel.EndDate,
            searchModel.OrderStatusIds, searchModel.StoreId);
        // The first page never reads below an id, whatever a stale grid sends.
        var before = searchModel.Start > 0 ? searchModel.BeforeOrderId : null;
        var page = await _reportService.GetOrdersPageAsync(filter, before, searchModel.PageSize);
        var tagNames = tags.ToDictionary(t => t.RoleId, t => t.Name);
        var stores = (await _storeService.GetAllStoresAsync()).ToDictionary(s => s.Id, s => s.Name);

        var rows = new List<TagOrderModel>();
        foreach (var line in page.Lines)
        {
            rows.Add(new TagOrderModel
            {
                Id = line.OrderId,
                CreatedOn = await _dates.InstantAsync(line.CreatedOnUtc, DateAudience.Admin),
                CustomerId = line.CustomerId,
                Customer = CustomerText(line),
                OrderStatus = await _localizationService.GetLocalizedEnumAsync((OrderStatus)line.OrderStatusId),
                OrderTotal = await _priceFormatter.FormatPriceAsync(line.OrderTotal, true, false),
                Store = stores.GetValueOrDefault(line.StoreId, string.Empty),
                Tags = string.Join(", ", line.RoleIds.Select(id => tagNames.GetValueOrDefault(id, string.Empty)))
            });
        }

        // Without a count, the grid is told of one more row than it has while another page follows: enough for "Next".
        var known = searchModel.Start + rows.Count + (page.NextBeforeOrderId != null ? 1 : 0);
        return new TagOrderListModel
        {
            Data = rows,
            Draw = searchModel.Draw,
            RecordsTotal = known,
            RecordsFiltered = known,
            NextBeforeOrderId = page.NextBeforeOrderId
        };
    }

    /// <summary>
    /// The sales page: the filter and, when <paramref name="run"/>, a line per chosen tag. A first visit preselects the
    /// statuses that count as sales; afterwards the statuses are the admin's (none chosen: every status).
    /// </summary>
    public async Task<TagSalesModel> PrepareSalesModelAsync(TagReportSearchModel searchModel, bool run, bool firstVisit)
    {
        var model = new TagSalesModel { Search = await PrepareSearchModelAsync(searchModel, countedStatuses: firstVisit) };
        if (!run)
            return model;

        var (lines, tags) = await SalesAsync(searchModel);
        var byRole = tags.ToDictionary(t => t.RoleId);
        foreach (var line in lines)
        {
            var tag = byRole[line.RoleId];
            model.Lines.Add(new TagSalesLineModel
            {
                TagName = tag.Name,
                Color = CustomerTagBadgeService.SafeColor(tag.Color),
                Orders = line.Orders,
                Customers = line.Customers,
                Revenue = line.Revenue,
                RevenueText = await _priceFormatter.FormatPriceAsync(line.Revenue, true, false),
                AverageOrderText = await _priceFormatter.FormatPriceAsync(line.AverageOrder, true, false)
            });
        }

        model.HasResults = true;
        return model;
    }

    /// <summary>The sales lines of the chosen tags, with the tags.</summary>
    public async Task<(IReadOnlyList<TagSalesLine> Lines, IList<TagChoice> Tags)> SalesAsync(TagReportSearchModel searchModel)
    {
        var (filter, tags) = await _reportService.FilterAsync(searchModel.TagIds, searchModel.StartDate, searchModel.EndDate,
            searchModel.OrderStatusIds, searchModel.StoreId);
        return (await _reportService.GetSalesAsync(filter), tags);
    }

    /// <summary>Writes the orders CSV of the filter.</summary>
    public async Task WriteOrdersCsvAsync(TagReportSearchModel searchModel, Stream output)
    {
        var (filter, tags) = await _reportService.FilterAsync(searchModel.TagIds, searchModel.StartDate, searchModel.EndDate,
            searchModel.OrderStatusIds, searchModel.StoreId);
        var statuses = new Dictionary<int, string>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            statuses[(int)status] = await _localizationService.GetLocalizedEnumAsync(status);

        await _reportService.WriteOrdersCsvAsync(filter, await LocalizedMessages.TextsAsync(_localizationService, OrdersCsvHeaderResources),
            id => statuses.GetValueOrDefault(id, id.ToString()), tags.ToDictionary(t => t.RoleId, t => t.Name), output);
    }

    /// <summary>Writes the sales CSV of the filter.</summary>
    public async Task WriteSalesCsvAsync(TagReportSearchModel searchModel, Stream output)
    {
        var (lines, tags) = await SalesAsync(searchModel);
        await TagReportCsv.WriteSalesAsync(lines, await LocalizedMessages.TextsAsync(_localizationService, SalesCsvHeaderResources),
            tags.ToDictionary(t => t.RoleId, t => t.Name), output);
    }

    private static string CustomerText(TagOrderLine line)
    {
        var name = RecipientsCsv.FullName(line.FirstName, line.LastName);
        var email = string.IsNullOrEmpty(line.Email) ? $"#{line.CustomerId}" : line.Email;
        return string.IsNullOrEmpty(name) ? email : $"{email} ({name})";
    }
}
