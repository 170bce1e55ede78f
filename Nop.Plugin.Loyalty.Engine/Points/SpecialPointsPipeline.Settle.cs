using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

public sealed partial class SpecialPointsPipeline
{
    /// <summary>Expires every lot due now, chunk by chunk of customers; returns the number of lots expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var expired = 0;
        var last = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Now();
            var after = last;
            var chunk = await _data.ToListAsync(LedgerQueries.DueForExpiry(_data.Ledger, now)
                .Where(e => e.CustomerId > after)
                .Select(e => e.CustomerId)
                .Distinct()
                .OrderBy(id => id)
                .Take(_options.Chunk), cancellationToken);
            if (chunk.Count == 0)
                return expired;

            expired += await SettleChunkAsync(chunk);
            last = chunk[^1];
        }
    }

    /// <summary>
    /// Brings the ledgers of the customers in <paramref name="scope"/> up to date before they are read: entries whose
    /// activation has come get their running balance, lots past their expiry give up what is left. Costs one query when
    /// nothing is due. Returns the number of lots expired.
    /// </summary>
    public async Task<int> SettleAsync(IQueryable<LedgerEntryRow> scope)
    {
        var now = Now();
        var customers = (await _data.ToListAsync(LedgerQueries.DueForSettling(scope, now).Select(e => e.CustomerId).Distinct()))
            .Order()
            .ToList();

        var expired = 0;
        foreach (var chunk in customers.Chunk(_options.Chunk))
            expired += await SettleChunkAsync(chunk);
        return expired;
    }

    /// <summary>Settles one customer's ledger (see <see cref="SettleAsync(IQueryable{LedgerEntryRow})"/>).</summary>
    public Task<int> SettleAsync(int customerId) => SettleAsync(LedgerQueries.ForCustomers(_data.Ledger, CustomerRange.Of(customerId)));

    private async Task<int> SettleChunkAsync(IReadOnlyList<int> customerIds)
    {
        IReadOnlyList<ExpiredLot> expired;
        using (var work = _writer.Begin())
        {
            var customers = CustomerRange.Spanning(customerIds);
            await _writer.LockCustomersAsync(customers);
            expired = await SettleLockedAsync(customers, Now());
            work.Complete();
        }

        if (expired.Count > 0)
            await TellAsync(() => _observer.ExpiredAsync(expired), "publishing expired points");
        return expired.Count;
    }

    /// <summary>
    /// Activation, then expiry, for customers this unit of work holds locked. Activation comes first: an entry whose
    /// activation has come is older than anything written now, so it must take its running balance before the expiry
    /// entries dated now chain from it.
    /// </summary>
    private async Task<IReadOnlyList<ExpiredLot>> SettleLockedAsync(CustomerRange customers, DateTime now)
    {
        // One read for both: a chunk's customers rarely have anything due, and this read is all a chunk then pays.
        var locked = customers.Ids.ToHashSet();
        var due = (await _data.ToListAsync(LedgerQueries.DueForSettling(LedgerQueries.ForCustomers(_data.Ledger, customers), now)))
            .Where(e => locked.Contains(e.CustomerId))
            .ToList();
        if (due.Count == 0)
            return [];

        await ActivateAsync(due.Where(e => e.PointsBalance == null).ToList(), now);
        return await ExpireAsync(due.Where(e => e.ToLot().IsDueForExpiryAt(now)).ToList(), now);
    }

    /// <summary>Gives entries whose activation has come their running balance, in activation order.</summary>
    private async Task ActivateAsync(IReadOnlyList<LedgerEntryRow> pending, DateTime now)
    {
        if (pending.Count == 0)
            return;

        var balanceByEntry = new Dictionary<int, int>();
        foreach (var scope in pending.GroupBy(e => _options.BalanceStore(e.StoreId)))
        {
            var balances = await BalancesAsync(scope.Select(e => e.CustomerId).Distinct().ToList(), now, scope.Key);
            foreach (var entry in scope.OrderBy(e => e.CreatedOnUtc).ThenBy(e => e.Id))
            {
                var balance = balances.GetValueOrDefault(entry.CustomerId) + entry.Points;
                balances[entry.CustomerId] = balance;
                balanceByEntry[entry.Id] = balance;
            }
        }

        await _writer.SetBalancesAsync(balanceByEntry);
    }

    /// <summary>Retires what is left of lots past their expiry, never taking a balance below zero.</summary>
    private async Task<IReadOnlyList<ExpiredLot>> ExpireAsync(IReadOnlyList<LedgerEntryRow> due, DateTime now)
    {
        if (due.Count == 0)
            return [];

        var lots = due.ToDictionary(lot => lot.Id);
        var messages = new Dictionary<int, string>();
        foreach (var lot in due)
            messages[lot.Id] = await _texts.ExpiredAsync(lot);

        var planned = new List<PlannedEntry>();
        var expired = new List<ExpiredLot>();
        foreach (var scope in due.GroupBy(lot => _options.BalanceStore(lot.StoreId)))
        {
            var balances = await BalancesAsync(scope.Select(lot => lot.CustomerId).Distinct().ToList(), now, scope.Key);
            foreach (var customerLots in scope.GroupBy(lot => lot.CustomerId))
            {
                var retirement = LotRetirement.Expire(customerLots.Select(lot => lot.ToLot()), balances.GetValueOrDefault(customerLots.Key), now);
                planned.AddRange(GrantPlanner.PlanRetirement(customerLots.Key, customerLots.First().StoreId, retirement, now, id => messages[id]));
                expired.AddRange(retirement.Draws.Select(d => new ExpiredLot(customerLots.Key, d.LotId, d.Points)));
            }
        }

        // An expiry entry carries its lot's store, so per-store balances stay per store.
        planned = planned.Select(p => p with { StoreId = lots[p.RetiresLotId!.Value].StoreId }).ToList();
        var entryIds = await InsertEntriesAsync(planned);
        var entryByLot = planned.Select((p, i) => (Lot: p.RetiresLotId!.Value, Id: entryIds[i])).ToDictionary(x => x.Lot, x => x.Id);

        await _writer.SetLotsRemainingAsync(due.ToDictionary(lot => lot.Id, _ => 0));
        await _writer.InsertLotExpiriesAsync(expired.Select(x => new LotExpiryRow
        {
            CustomerId = x.CustomerId,
            LotEntryId = x.LotEntryId,
            ExpiryEntryId = entryByLot.TryGetValue(x.LotEntryId, out var entryId) ? entryId : null,
            ExpiredPoints = x.Points,
            ExpiredOnUtc = now
        }).ToList());

        return expired;
    }
}
