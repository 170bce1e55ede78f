using System.Transactions;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Events;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Helpers;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The reward points ledger (nopCommerce's RewardPointsHistory) as the engine sees it, and the set-based
/// writes shared by the reward point service, the grant runs and the scheduled tasks.
/// </summary>
public class LoyaltyLedger
{
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IEventPublisher _eventPublisher;
    private readonly ILocalizationService _localizationService;
    private readonly INopDataProvider _dataProvider;
    private readonly IRepository<LotExpiry> _lotExpiryRepository;
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly RewardPointsSettings _rewardPointsSettings;

    public LoyaltyLedger(IDateTimeHelper dateTimeHelper,
        IEventPublisher eventPublisher,
        ILocalizationService localizationService,
        INopDataProvider dataProvider,
        IRepository<LotExpiry> lotExpiryRepository,
        IRepository<RewardPointsHistory> ledgerRepository,
        RewardPointsSettings rewardPointsSettings)
    {
        _dateTimeHelper = dateTimeHelper;
        _eventPublisher = eventPublisher;
        _localizationService = localizationService;
        _dataProvider = dataProvider;
        _lotExpiryRepository = lotExpiryRepository;
        _ledgerRepository = ledgerRepository;
        _rewardPointsSettings = rewardPointsSettings;
    }

    #region Projection

    /// <summary>nopCommerce's ledger rows as engine rows (same projection as the engine's test store).</summary>
    public static IQueryable<LedgerEntryRow> Project(IQueryable<RewardPointsHistory> query) =>
        query.Select(h => new LedgerEntryRow
        {
            Id = h.Id,
            CustomerId = h.CustomerId,
            StoreId = h.StoreId,
            Points = h.Points,
            PointsBalance = h.PointsBalance,
            CreatedOnUtc = h.CreatedOnUtc,
            EndDateUtc = h.EndDateUtc,
            ValidPoints = h.ValidPoints
        });

    /// <summary>The whole ledger as engine rows.</summary>
    public IQueryable<LedgerEntryRow> Ledger => Project(_ledgerRepository.Table);

    /// <summary>Whether balances are kept per store (nopCommerce's RewardPointsSettings.PointsAccumulatedForAllStores off).</summary>
    public bool PointsPerStore => !_rewardPointsSettings.PointsAccumulatedForAllStores;

    /// <summary>The store a balance is kept for: the store when points are per store, null otherwise.</summary>
    public int? BalanceStore(int storeId) => PointsPerStore && storeId > 0 ? storeId : null;

    /// <summary>
    /// Now, to the millisecond: every database nopCommerce supports stores that exactly, so entries written
    /// with it compare equal when read back.
    /// </summary>
    public static DateTime UtcNow()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>A transaction around one chunk's writes (nopCommerce's repositories enlist in it).</summary>
    public static TransactionScope BeginChunk() => new(TransactionScopeOption.Required,
        new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted, Timeout = TimeSpan.FromMinutes(5) },
        TransactionScopeAsyncFlowOption.Enabled);

    #endregion

    #region Reads

    /// <summary>Each listed customer's balance in one query; customers without entries are absent (zero).</summary>
    public async Task<Dictionary<int, int>> LatestBalancesAsync(IReadOnlyCollection<int> customerIds, DateTime nowUtc, int? storeId)
    {
        if (customerIds.Count == 0)
            return new Dictionary<int, int>();

        var balances = await LedgerQueries.LatestBalances(Ledger, CustomerRange.Spanning(customerIds), nowUtc, storeId).ToListAsync();
        var result = new Dictionary<int, int>(balances.Count);
        foreach (var balance in balances)
            result[balance.CustomerId] = balance.Balance;
        return result;
    }

    #endregion

    #region Writes

    /// <summary>
    /// Bulk inserts ledger entries, then reads their ids back in one query (entries newer than the highest id
    /// before the insert, of the same customers, points and message), so the caller can link them.
    /// Call inside <see cref="BeginChunk"/> when the ids are linked to other rows.
    /// </summary>
    public async Task InsertEntriesAsync(IList<RewardPointsHistory> entries)
    {
        if (entries.Count == 0)
            return;

        var maxIdBefore = await _ledgerRepository.Table.Select(e => (int?)e.Id).MaxAsync() ?? 0;
        await _dataProvider.BulkInsertEntitiesAsync(entries);

        var customerIds = entries.Select(e => e.CustomerId).Distinct().ToArray();
        var inserted = await _ledgerRepository.Table
            .Where(e => e.Id > maxIdBefore && customerIds.Contains(e.CustomerId))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CustomerId, e.Points, e.Message })
            .ToListAsync();

        // Match in insert order: the n-th entry of a customer with given points and message gets the n-th id.
        var ids = inserted
            .GroupBy(e => (e.CustomerId, e.Points, e.Message ?? string.Empty))
            .ToDictionary(g => g.Key, g => new Queue<int>(g.Select(e => e.Id)));
        foreach (var entry in entries)
        {
            if (ids.TryGetValue((entry.CustomerId, entry.Points, entry.Message ?? string.Empty), out var queue) && queue.Count > 0)
                entry.Id = queue.Dequeue();
            else if (entry.Id <= maxIdBefore)
                throw new InvalidOperationException($"Could not read back the reward points entry inserted for customer {entry.CustomerId}.");
        }
    }

    /// <summary>Sets ValidPoints of the given lots to zero in one statement.</summary>
    public async Task ZeroLotsAsync(IReadOnlyCollection<int> lotIds)
    {
        if (lotIds.Count == 0)
            return;

        var ids = lotIds.ToArray();
        var query = _ledgerRepository.Table.Where(e => ids.Contains(e.Id));
        await LinqToDB.LinqExtensions.UpdateAsync(LinqToDB.LinqExtensions.Set(query, e => e.ValidPoints, (int?)0));
    }

    /// <summary>The ledger entry that retires part of a lot (expiry or revoke).</summary>
    public static RewardPointsHistory ToHistory(PlannedEntry planned, int storeId, string message) => new()
    {
        CustomerId = planned.CustomerId,
        StoreId = storeId,
        Points = planned.Points,
        PointsBalance = planned.PointsBalance,
        CreatedOnUtc = planned.CreatedOnUtc,
        EndDateUtc = planned.EndDateUtc,
        ValidPoints = planned.ValidPoints,
        UsedAmount = 0,
        Message = message
    };

    #endregion

    #region Expiry

    /// <summary>
    /// Expires every lot of the given customers that is due at <paramref name="nowUtc"/>, set-based: one query for
    /// the due lots, one for balances (per store when points are per store), one bulk insert of expiry entries,
    /// one UPDATE of the lots, one bulk insert of expiry records. Never takes a balance below zero.
    /// </summary>
    /// <returns>The number of lots expired.</returns>
    public async Task<int> ExpireDueAsync(IReadOnlyCollection<int> customerIds, DateTime nowUtc)
    {
        if (customerIds.Count == 0)
            return 0;

        var ids = customerIds.ToArray();
        var due = await LedgerQueries.DueForExpiry(Ledger, nowUtc)
            .Where(e => ids.Contains(e.CustomerId))
            .ToListAsync();
        if (due.Count == 0)
            return 0;

        var messageFormat = await _localizationService.GetResourceAsync(LoyaltyDefaults.ExpiredMessageResource);
        var entries = new List<RewardPointsHistory>();
        var expiries = new List<(LotExpiry Record, RewardPointsHistory Entry)>();

        // Balances are kept per store or across stores; expire each balance scope with its own latest balance.
        foreach (var scope in due.GroupBy(lot => BalanceStore(lot.StoreId)))
        {
            var scopeCustomers = scope.Select(lot => lot.CustomerId).Distinct().ToList();
            var balances = await LatestBalancesAsync(scopeCustomers, nowUtc, scope.Key);
            foreach (var customerLots in scope.GroupBy(lot => lot.CustomerId))
            {
                var lotsById = customerLots.ToDictionary(lot => lot.Id);
                var retirement = LotRetirement.Expire(customerLots.Select(lot => lot.ToLot()),
                    balances.GetValueOrDefault(customerLots.Key), nowUtc);

                var planned = GrantPlanner.PlanRetirement(customerLots.Key, retirement, nowUtc)
                    .ToDictionary(p => p.RetiresLotId!.Value);
                foreach (var draw in retirement.Draws)
                {
                    var lot = lotsById[draw.LotId];
                    RewardPointsHistory entry = null;
                    if (planned.TryGetValue(draw.LotId, out var plannedEntry))
                    {
                        var activatedOn = await _dateTimeHelper.ConvertToUserTimeAsync(lot.CreatedOnUtc, DateTimeKind.Utc);
                        entry = ToHistory(plannedEntry, lot.StoreId, string.Format(messageFormat, activatedOn));
                        entries.Add(entry);
                    }

                    expiries.Add((new LotExpiry
                    {
                        CustomerId = lot.CustomerId,
                        LotEntryId = lot.Id,
                        ExpiredPoints = draw.Points,
                        ExpiredOnUtc = nowUtc
                    }, entry));
                }
            }
        }

        using (var transaction = BeginChunk())
        {
            await InsertEntriesAsync(entries);
            await ZeroLotsAsync(due.Select(lot => lot.Id).ToList());
            foreach (var (record, entry) in expiries)
                record.ExpiryEntryId = entry?.Id;
            await _dataProvider.BulkInsertEntitiesAsync(expiries.Select(x => x.Record).ToList());
            transaction.Complete();
        }

        await _eventPublisher.PublishAsync(new PointsExpiredEvent(expiries
            .Select(x => new ExpiredLot(x.Record.CustomerId, x.Record.LotEntryId, x.Record.ExpiredPoints))
            .ToList()));

        return expiries.Count;
    }

    /// <summary>Expires every due lot of the customers in <paramref name="query"/>'s entries, in chunks of customers.</summary>
    public async Task<int> ExpireDueInAsync(IQueryable<RewardPointsHistory> query, DateTime nowUtc, int chunkSize)
    {
        chunkSize = Math.Max(chunkSize, 1);
        var expired = 0;
        var lastCustomerId = 0;
        while (true)
        {
            var afterId = lastCustomerId;
            var chunk = await LedgerQueries.DueForExpiry(Project(query), nowUtc)
                .Where(e => e.CustomerId > afterId)
                .Select(e => e.CustomerId)
                .Distinct()
                .OrderBy(id => id)
                .Take(chunkSize)
                .ToListAsync();
            if (chunk.Count == 0)
                return expired;

            expired += await ExpireDueAsync(chunk, nowUtc);
            lastCustomerId = chunk[^1];
        }
    }

    #endregion
}
