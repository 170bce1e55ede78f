using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>A customer's points: the statement (balance, points by expiry, what expires soon) and the history.</summary>
public class PointsStatementService
{
    private readonly IRepository<SpecialGrantRecipient> _recipientRepository;
    private readonly IRewardPointService _rewardPointService;
    private readonly LoyaltySettings _loyaltySettings;
    private readonly NopLoyaltyData _data;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _clock;

    public PointsStatementService(IRepository<SpecialGrantRecipient> recipientRepository,
        IRewardPointService rewardPointService,
        LoyaltySettings loyaltySettings,
        NopLoyaltyData data,
        PipelineOptions options,
        TimeProvider clock)
    {
        _recipientRepository = recipientRepository;
        _rewardPointService = rewardPointService;
        _loyaltySettings = loyaltySettings;
        _data = data;
        _options = options;
        _clock = clock;
    }

    /// <summary>The statement of a customer in a store.</summary>
    public virtual async Task<PointsStatement> GetStatementAsync(int customerId, int storeId)
    {
        // nopCommerce's balance read expires due lots and activates pending ones first.
        var balance = await _rewardPointService.GetRewardPointsBalanceAsync(customerId, storeId);
        var nowUtc = _clock.GetUtcNow().UtcDateTime;

        var ledger = _data.Ledger;
        if (_options.BalanceStore(storeId) is { } store)
            ledger = ledger.Where(e => e.StoreId == store);
        var lots = await LedgerQueries.OpenLots(ledger, CustomerRange.Of(customerId)).ToListAsync();

        var lotIds = lots.Select(l => l.Id).ToArray();
        var special = (await _recipientRepository.Table
                .Where(r => r.CustomerId == customerId && lotIds.Contains(r.LedgerEntryId))
                .Select(r => r.LedgerEntryId)
                .ToListAsync())
            .ToHashSet();

        return PointsStatement.Build(lots.Select(l => l.ToLot(special.Contains(l.Id))), balance, nowUtc,
            TimeSpan.FromDays(Math.Max(_loyaltySettings.ExpiringSoonDays, 0)));
    }

    /// <summary>A page of the customer's history in a store (all stores' entries when points are shared), latest first.</summary>
    public virtual Task<PointsHistoryPage> GetHistoryAsync(int customerId, int storeId, int pageIndex, int pageSize) =>
        PointsHistory.PageAsync(_data, customerId, _options.BalanceStore(storeId), pageIndex, pageSize);
}
