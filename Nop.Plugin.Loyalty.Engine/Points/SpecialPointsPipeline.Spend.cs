using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

public sealed partial class SpecialPointsPipeline
{
    /// <summary>
    /// Spends or deducts points, earliest-expiring first, in one unit of work with the customer's ledger locked:
    /// settle, read the balance and open lots, allocate, write the entry and the lots it drew. Returns the entry's id.
    /// Throws <see cref="LoyaltyRuleException"/> when a redemption asks for more than is available.
    /// </summary>
    public async Task<int> SpendAsync(PointsSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var customer = CustomerRange.Of(spend.CustomerId);
        IReadOnlyList<ExpiredLot> expired;
        int entryId;
        using (var work = _writer.Begin())
        {
            await _writer.LockCustomersAsync(customer);
            // Read once the lock is held: a time read before waiting would date this write before the previous holder's
            // entries, and the balance read as of that time would leave them out.
            var now = Now();
            expired = await SettleLockedAsync(customer, now);

            var scope = _options.BalanceStore(spend.StoreId);
            var ledger = scope is { } store ? _data.Ledger.Where(e => e.StoreId == store) : _data.Ledger;
            var lots = (await _data.ToListAsync(LedgerQueries.OpenLots(ledger, customer))).Select(row => row.ToLot()).ToList();
            var draws = spend.ForOrder
                ? SpendAllocator.Allocate(lots, spend.Points, now)
                : SpendAllocator.Deduct(lots, spend.Points, now);

            var balance = (await BalancesAsync(customer.Ids, now, scope)).GetValueOrDefault(spend.CustomerId);
            var entry = new PlannedEntry(spend.CustomerId, spend.StoreId, -spend.Points, balance - spend.Points, now, null, null,
                spend.Message, UsedAmount: spend.UsedAmount, UsedWithOrder: spend.UsedWithOrder);
            entryId = (await InsertEntriesAsync([entry]))[0];
            await _writer.SetLotsRemainingAsync(draws.ToDictionary(d => d.LotId, d => d.RemainingAfter));
            work.Complete();
        }

        if (expired.Count > 0)
            await TellAsync(() => _observer.ExpiredAsync(expired), "publishing expired points");
        return entryId;
    }

    /// <summary>
    /// Runs a write the store makes itself (nopCommerce earning points, an admin's adjustment) with the customer's ledger
    /// locked, so its running balance cannot interleave with a grant chunk or a spend.
    /// </summary>
    public async Task<T> WithCustomerLockedAsync<T>(int customerId, Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var work = _writer.Begin();
        await _writer.LockCustomersAsync(CustomerRange.Of(customerId));
        var result = await write();
        work.Complete();
        return result;
    }
}
