using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// nopCommerce's reward point service with limited points handled lot by lot: spending draws the earliest-expiring
/// points first, and expiry takes out what is left of each due lot without ever taking the balance below zero.
/// Everything else (earning, activation, history, balance) is nopCommerce's own behaviour.
/// </summary>
public class LoyaltyRewardPointService : RewardPointService
{
    private readonly LoyaltyLedger _ledger;
    private readonly LoyaltySettings _loyaltySettings;

    public LoyaltyRewardPointService(IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IRepository<RewardPointsHistory> rewardPointsHistoryRepository,
        RewardPointsSettings rewardPointsSettings,
        LoyaltyLedger ledger,
        LoyaltySettings loyaltySettings)
        : base(dateTimeHelper, localizationService, rewardPointsHistoryRepository, rewardPointsSettings)
    {
        _ledger = ledger;
        _loyaltySettings = loyaltySettings;
    }

    /// <summary>Expires due lots through the engine (set-based), then lets nopCommerce activate pending entries.</summary>
    protected override async Task UpdateRewardPointsBalanceAsync(IQueryable<RewardPointsHistory> query)
    {
        await _ledger.ExpireDueInAsync(query, LoyaltyLedger.UtcNow(), _loyaltySettings.GrantChunkSize);

        // Nothing is due any more, so nopCommerce's own pass only activates entries whose time has come.
        await base.UpdateRewardPointsBalanceAsync(query);
    }

    /// <summary>
    /// Earning behaves as nopCommerce's. Negative points draw the earliest-expiring lots first and update only the lots
    /// they draw. Redeeming points for an order beyond what is available throws a <see cref="NopException"/>; other
    /// deductions (points taken back on cancellation, an admin's correction) take what the lots hold, as nopCommerce does.
    /// </summary>
    public override async Task<int> AddRewardPointsHistoryEntryAsync(Customer customer, int points, int storeId, string message = "",
        Order usedWithOrder = null, decimal usedAmount = 0, DateTime? activatingDate = null, DateTime? endDate = null)
    {
        if (points >= 0 || activatingDate.HasValue)
            return await base.AddRewardPointsHistoryEntryAsync(customer, points, storeId, message, usedWithOrder, usedAmount, activatingDate, endDate);

        ArgumentNullException.ThrowIfNull(customer);
        if (storeId == 0)
            throw new ArgumentException("Store ID should be valid");
        if (endDate.HasValue)
            throw new ArgumentException("End date is available only for positive points amount");

        // nopCommerce's balance read expires due lots and activates pending ones first. The balance itself is then read
        // as of now (a parameter): databases whose server clock has whole seconds (SQLite, MySQL) would otherwise
        // miss entries written in the current second.
        await GetRewardPointsBalanceAsync(customer.Id, storeId);
        var nowUtc = LoyaltyLedger.UtcNow();
        var balance = (await _ledger.LatestBalancesAsync([customer.Id], nowUtc, _ledger.BalanceStore(storeId)))
            .GetValueOrDefault(customer.Id);

        var ledger = _ledger.Ledger;
        if (_ledger.BalanceStore(storeId) is { } store)
            ledger = ledger.Where(e => e.StoreId == store);
        var lots = (await LedgerQueries.OpenLots(ledger, CustomerRange.Of(customer.Id)).ToListAsync())
            .Select(row => row.ToLot())
            .ToList();

        IReadOnlyList<LotDraw> draws;
        try
        {
            draws = usedWithOrder != null
                ? SpendAllocator.Allocate(lots, -points, nowUtc)
                : SpendAllocator.Deduct(lots, -points, nowUtc);
        }
        catch (LoyaltyRuleException e) when (e.ResourceKey == ResourceKeys.InsufficientPoints)
        {
            var text = await _localizationService.GetResourceAsync(e.ResourceKey);
            throw new NopException(string.IsNullOrEmpty(text) || text == e.ResourceKey
                ? $"Not enough reward points: {-points} requested, {e.Arguments[1]} available."
                : string.Format(text, e.Arguments.ToArray()));
        }

        var entry = new RewardPointsHistory
        {
            CustomerId = customer.Id,
            StoreId = storeId,
            Points = points,
            PointsBalance = balance + points,
            UsedAmount = usedAmount,
            Message = message,
            CreatedOnUtc = nowUtc,
            UsedWithOrder = usedWithOrder?.OrderGuid
        };

        // The spend entry and the lots it draws from change together.
        var drawn = draws.ToDictionary(d => d.LotId, d => d.RemainingAfter);
        using (var transaction = LoyaltyLedger.BeginChunk())
        {
            await InsertRewardPointsHistoryEntryAsync(entry);

            // Only the drawn lots change.
            var drawnLots = await _rewardPointsHistoryRepository.GetByIdsAsync(drawn.Keys.ToList());
            foreach (var lot in drawnLots)
            {
                lot.ValidPoints = drawn[lot.Id];
                await UpdateRewardPointsHistoryEntryAsync(lot);
            }

            transaction.Complete();
        }

        return entry.Id;
    }
}
