using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Http;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Models.Customer;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Web.Factories;
using Nop.Web.Models.Common;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Prepares a customer's points for their own page (with the history) and for the admin customer page.</summary>
public class LoyaltyCustomerModelFactory
{
    private readonly ICurrencyService _currencyService;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly IWorkContext _workContext;
    private readonly LoyaltyDates _dates;
    private readonly LoyaltySettings _loyaltySettings;
    private readonly PointsStatementService _statementService;
    private readonly RewardPointsSettings _rewardPointsSettings;
    private readonly Services.Tags.CustomerTagBadgeService _tagBadgeService;

    public LoyaltyCustomerModelFactory(ICurrencyService currencyService,
        ILocalizationService localizationService,
        IOrderTotalCalculationService orderTotalCalculationService,
        IPriceFormatter priceFormatter,
        IRepository<Order> orderRepository,
        IRepository<RewardPointsHistory> ledgerRepository,
        IWorkContext workContext,
        LoyaltyDates dates,
        LoyaltySettings loyaltySettings,
        PointsStatementService statementService,
        RewardPointsSettings rewardPointsSettings,
        Services.Tags.CustomerTagBadgeService tagBadgeService)
    {
        _currencyService = currencyService;
        _localizationService = localizationService;
        _orderTotalCalculationService = orderTotalCalculationService;
        _priceFormatter = priceFormatter;
        _orderRepository = orderRepository;
        _ledgerRepository = ledgerRepository;
        _workContext = workContext;
        _dates = dates;
        _loyaltySettings = loyaltySettings;
        _statementService = statementService;
        _rewardPointsSettings = rewardPointsSettings;
        _tagBadgeService = tagBadgeService;
    }

    /// <summary>
    /// The statement of a customer, its dates written for <paramref name="audience"/> in the viewer's time zone (the
    /// customer on their page, the admin on the customer edit page), limited points grouped per expiry day.
    /// </summary>
    public async Task<MyPointsModel> PrepareMyPointsModelAsync(Customer customer, int storeId, DateAudience audience)
    {
        ArgumentNullException.ThrowIfNull(customer);

        var statement = await _statementService.GetStatementAsync(customer.Id, storeId);
        var zone = await _dates.ViewerZoneAsync();
        var culture = CultureInfo.CurrentCulture;

        var model = new MyPointsModel
        {
            CustomerId = customer.Id,
            Balance = statement.Balance,
            LimitedTotal = statement.LimitedTotal,
            ExpiringSoon = statement.ExpiringSoon,
            ExpiringSoonDays = _loyaltySettings.ExpiringSoonDays,
            NextExpiry = statement.NextExpiryUtc is { } next ? LoyaltyDates.Expiry(next, zone, culture, audience) : string.Empty,
            TimeZoneName = LoyaltyDates.ZoneName(zone)
        };

        foreach (var limited in statement.Limited)
        {
            var expiry = ExpiryDay.Of(limited.ExpiresOnUtc, zone);
            var day = LoyaltyDates.Day(expiry.Day, culture, audience);
            var group = model.ExpiryDates.LastOrDefault();
            if (group == null || group.Day != day)
            {
                group = new ExpiryDateModel { Day = day };
                model.ExpiryDates.Add(group);
            }

            group.Points += limited.Points;
            group.Items.Add(new ExpiringPointsModel
            {
                Points = limited.Points,
                IsSpecial = limited.IsSpecial,
                Expiry = LoyaltyDates.Expiry(limited.ExpiresOnUtc, zone, culture, audience),
                Time = expiry.Time is { } time
                    ? $"{time.ToString("t", culture)} ({LoyaltyDates.Offset(limited.ExpiresOnUtc, zone)})"
                    : string.Empty
            });
        }

        return model;
    }

    /// <summary>The customer's own page: the statement, what the balance is worth, and a page of the history.</summary>
    /// <param name="pageNumber">The history page, from 1; null for the first.</param>
    public async Task<MyPointsModel> PrepareCustomerPageModelAsync(Customer customer, int storeId, int? pageNumber)
    {
        var model = await PrepareMyPointsModelAsync(customer, storeId, DateAudience.Customer);
        model.BalanceAmount = await FormatPointsAmountAsync(model.Balance);
        model.MinimumBalance = _rewardPointsSettings.MinimumRewardPointsToUse;
        if (model.MinimumBalance > 0)
            model.MinimumBalanceAmount = await FormatPointsAmountAsync(model.MinimumBalance);

        var pageIndex = Math.Max((pageNumber ?? 1) - 1, 0);
        var pageSize = Math.Max(_rewardPointsSettings.PageSize, 1);
        var page = await _statementService.GetHistoryAsync(customer.Id, storeId, pageIndex, pageSize);
        model.History = await PrepareHistoryAsync(page.Events);
        model.Tags = await _tagBadgeService.GetBadgesAsync(customer.Id);
        model.HistoryPager = new PagerModel(_localizationService)
        {
            PageSize = page.PageSize,
            TotalRecords = page.TotalCount,
            PageIndex = page.PageIndex,
            ShowTotalSummary = true,
            RouteActionName = NopRouteNames.Standard.CUSTOMER_REWARD_POINTS_PAGED,
            UseRouteLinks = true,
            RouteValues = new OrderModelFactory.RewardPointsRouteValues { PageNumber = pageIndex + 1 }
        };
        return model;
    }

    private async Task<IList<PointsEventModel>> PrepareHistoryAsync(IReadOnlyList<PointsEvent> events)
    {
        var guids = events.Where(e => e.OrderGuid.HasValue).Select(e => e.OrderGuid!.Value).Distinct().ToArray();
        var orders = guids.Length == 0
            ? new Dictionary<Guid, (int Id, string Number)>()
            : (await _orderRepository.Table.Where(o => guids.Contains(o.OrderGuid))
                    .Select(o => new { o.OrderGuid, o.Id, o.CustomOrderNumber })
                    .ToListAsync())
                .ToDictionary(o => o.OrderGuid, o => (o.Id, Number: string.IsNullOrEmpty(o.CustomOrderNumber) ? o.Id.ToString() : o.CustomOrderNumber));

        // The store's own words for what the engine cannot name better (an order's points, an admin's correction).
        var messageIds = events.Where(e => e.GrantName == null && e.Kind is PointsEventKind.Earned or PointsEventKind.Deducted or PointsEventKind.Expired)
            .Select(e => e.EntryId).ToArray();
        var messages = messageIds.Length == 0
            ? new Dictionary<int, string>()
            : (await _ledgerRepository.Table.Where(h => messageIds.Contains(h.Id)).Select(h => new { h.Id, h.Message }).ToListAsync())
                .ToDictionary(h => h.Id, h => h.Message);

        var result = new List<PointsEventModel>();
        foreach (var e in events)
        {
            var model = new PointsEventModel
            {
                Kind = e.Kind,
                KindText = await _localizationService.GetResourceAsync($"{LoyaltyDefaults.ResourcePrefix}.History.{e.Kind}"),
                Date = e.Kind == PointsEventKind.Expired
                    ? await _dates.ExpiryAsync(e.OnUtc, DateAudience.Customer)
                    : await _dates.DayAsync(e.OnUtc, DateAudience.Customer),
                Points = e.Points,
                BalanceAfter = e.BalanceAfter,
                Description = e.GrantName ?? messages.GetValueOrDefault(e.EntryId)
            };

            if (e.OrderGuid is { } guid && orders.TryGetValue(guid, out var order))
            {
                model.OrderId = order.Id;
                model.Description = string.Format(await _localizationService.GetResourceAsync($"{LoyaltyDefaults.ResourcePrefix}.History.Order"), order.Number);
            }

            if (e.IsPending)
                model.Note = string.Format(await _localizationService.GetResourceAsync($"{LoyaltyDefaults.ResourcePrefix}.History.UsableFrom"),
                    await _dates.InstantAsync(e.OnUtc, DateAudience.Customer));
            else if (e.Points > 0 && e.ExpiresOnUtc is { } expires)
                model.Note = string.Format(await _localizationService.GetResourceAsync($"{LoyaltyDefaults.ResourcePrefix}.History.ValidUntil"),
                    await _dates.ExpiryAsync(expires, DateAudience.Customer));

            result.Add(model);
        }

        return result;
    }

    /// <summary>The worth of points at checkout in the working currency, as nopCommerce's reward points page shows it.</summary>
    private async Task<string> FormatPointsAmountAsync(int points)
    {
        var amount = await _orderTotalCalculationService.ConvertRewardPointsToAmountAsync(points);
        var converted = await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(amount, await _workContext.GetWorkingCurrencyAsync());
        return await _priceFormatter.FormatPriceAsync(converted, true, false);
    }
}
