using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Set-based reads of the reward points ledger, composed over a queryable the caller supplies.</summary>
public static class LedgerQueries
{
    /// <summary>
    /// The balance of each customer in the range who has one: the running balance of their latest active entry
    /// (by activation, then id). Customers without entries are absent (their balance is zero); for a dense range,
    /// other customers of the range may be present.
    /// </summary>
    /// <param name="storeId">Only entries of this store, when points are kept per store; null for all stores.</param>
    /// <remarks>
    /// One statement returns the entries with no later active entry (for a single customer, the latest by a backward
    /// index walk), and the highest id among them wins here. Each alternative had a database on which it failed: comparing
    /// every entry with a correlated MAX is quadratic on MariaDB for a customer with thousands of entries; joining grouped
    /// instants back is nested the wrong way round by PostgreSQL with stale statistics (40 s for one such customer); an
    /// OR of "later, or as late with a higher id" can use no index; and sending the instants back as values loses what
    /// the database keeps below the millisecond (nopCommerce writes microseconds on PostgreSQL).
    /// </remarks>
    public static async Task<Dictionary<int, int>> LatestBalancesAsync(ILoyaltyData data, CustomerRange customers,
        DateTime nowUtc, int? storeId = null)
    {
        var now = ColumnTime.Of(nowUtc);
        var active = data.Ledger.Where(e => e.PointsBalance != null && e.CreatedOnUtc <= now);
        if (storeId is { } store)
            active = active.Where(e => e.StoreId == store);

        var inRange = ForCustomers(active, customers);
        var latestEntries = customers.Ids.Length == 1
            // One customer (a checkout, a balance read): a backward walk of (CustomerId, CreatedOnUtc, Id) that stops at
            // once, whatever the planner thinks of a customer with thousands of entries.
            ? inRange.OrderByDescending(e => e.CreatedOnUtc).ThenByDescending(e => e.Id).Take(1)
            // The inner side names the range too: PostgreSQL does not carry it over the correlation, and would hash the
            // whole ledger.
            : inRange.Where(e => !inRange.Any(l => l.CustomerId == e.CustomerId && l.CreatedOnUtc > e.CreatedOnUtc));
        var latest = await data.ToListAsync(latestEntries
            .Select(e => new LedgerEntryRow { Id = e.Id, CustomerId = e.CustomerId, PointsBalance = e.PointsBalance }));

        return latest
            .GroupBy(e => e.CustomerId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.PointsBalance!.Value);
    }

    /// <summary>Lots that have expired with points left, at <paramref name="nowUtc"/>.</summary>
    public static IQueryable<LedgerEntryRow> DueForExpiry(IQueryable<LedgerEntryRow> ledger, DateTime nowUtc)
    {
        var now = ColumnTime.Of(nowUtc);
        return ledger.Where(e => e.Points > 0 && e.ValidPoints > 0 && e.EndDateUtc != null && e.EndDateUtc <= now);
    }

    /// <summary>Lots of the customers in the range that still hold points (active or not yet active, expired or not).</summary>
    public static IQueryable<LedgerEntryRow> OpenLots(IQueryable<LedgerEntryRow> ledger, CustomerRange customers) =>
        ForCustomers(ledger, customers).Where(e => e.Points > 0 && e.ValidPoints > 0);

    /// <summary>Entries of the chunk's customers; for a dense chunk, possibly also of others in its range (callers look rows up by customer).</summary>
    public static IQueryable<LedgerEntryRow> ForCustomers(IQueryable<LedgerEntryRow> ledger, CustomerRange customers)
    {
        var (first, last, ids) = (customers.First, customers.Last, customers.Ids);
        var inRange = ledger.Where(e => e.CustomerId >= first && e.CustomerId <= last);
        return customers.IsDense ? inRange : inRange.Where(e => ids.Contains(e.CustomerId));
    }

    /// <summary>Entries that settling would change now: due to become active (no running balance yet) or lots due to expire.</summary>
    public static IQueryable<LedgerEntryRow> DueForSettling(IQueryable<LedgerEntryRow> ledger, DateTime nowUtc)
    {
        var now = ColumnTime.Of(nowUtc);
        return ledger.Where(e => (e.PointsBalance == null && e.CreatedOnUtc <= now)
                                 || (e.Points > 0 && e.ValidPoints > 0 && e.EndDateUtc != null && e.EndDateUtc <= now));
    }


    /// <summary>The engine's view of a ledger row as a lot.</summary>
    public static PointLot ToLot(this LedgerEntryRow row, bool isSpecial = false) =>
        new(row.Id, row.Points, row.ValidPoints ?? 0, row.CreatedOnUtc, row.EndDateUtc, isSpecial);
}
