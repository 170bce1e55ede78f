using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Set-based reads of the reward points ledger, composed over a queryable the caller supplies.</summary>
public static class LedgerQueries
{
    /// <summary>
    /// The balance of each customer in the range who has one: the running balance of their latest active entry
    /// (by activation, then id), in one statement. Customers without entries are absent (their balance is zero).
    /// </summary>
    /// <param name="storeId">Only entries of this store, when points are kept per store; null for all stores.</param>
    public static IQueryable<CustomerBalance> LatestBalances(IQueryable<LedgerEntryRow> ledger,
        CustomerRange customers, DateTime nowUtc, int? storeId = null)
    {
        var now = ColumnTime.Of(nowUtc);
        var active = ledger.Where(e => e.PointsBalance != null && e.CreatedOnUtc <= now);
        if (storeId is { } store)
            active = active.Where(e => e.StoreId == store);

        // Two index seeks per row on (CustomerId, CreatedOnUtc, Id): the customer's latest activation, then no higher
        // id at that instant. A single "no later entry" test needs an OR that no index can seek, and turns quadratic
        // for a customer with thousands of entries.
        return from e in ForCustomers(active, customers)
               where e.CreatedOnUtc == active.Where(l => l.CustomerId == e.CustomerId).Max(l => (DateTime?)l.CreatedOnUtc)
                     && !active.Any(l => l.CustomerId == e.CustomerId && l.CreatedOnUtc == e.CreatedOnUtc && l.Id > e.Id)
               select new CustomerBalance { CustomerId = e.CustomerId, Balance = e.PointsBalance!.Value };
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

    /// <summary>Entries that are due to become active: no running balance yet, activation reached.</summary>
    public static IQueryable<LedgerEntryRow> DueForActivation(IQueryable<LedgerEntryRow> ledger, DateTime nowUtc)
    {
        var now = ColumnTime.Of(nowUtc);
        return ledger.Where(e => e.PointsBalance == null && e.CreatedOnUtc <= now);
    }

    /// <summary>The engine's view of a ledger row as a lot.</summary>
    public static PointLot ToLot(this LedgerEntryRow row, bool isSpecial = false) =>
        new(row.Id, row.Points, row.ValidPoints ?? 0, row.CreatedOnUtc, row.EndDateUtc, isSpecial);
}
