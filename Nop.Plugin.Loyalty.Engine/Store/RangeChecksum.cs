namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>
/// A cheap fingerprint of a range's purchase rows: their number and the sums of every copied column except the date.
/// </summary>
/// <remarks>
/// An insert, a deletion or a change of any copied value (customer, store, product, status, deleted flag, price, a line
/// moved to another order) changes it. Two changes that cancel out in every sum at once, or a changed order date, go
/// unseen. The date is left out because a copy through memory may differ from the store's value below a millisecond,
/// which would make every range look damaged.
/// </remarks>
public sealed record RangeChecksum
{
    public int Rows { get; init; }
    public long OrderItemIds { get; init; }
    public long OrderIds { get; init; }
    public long CustomerIds { get; init; }
    public long StoreIds { get; init; }
    public long ProductIds { get; init; }
    public long StatusIds { get; init; }
    public int DeletedRows { get; init; }
    public decimal Prices { get; init; }

    /// <summary>The fingerprint of an empty range.</summary>
    public static readonly RangeChecksum Empty = new();

    /// <summary>The query computing the fingerprint of <paramref name="rows"/> (already limited to one range) in the database.</summary>
    public static IQueryable<RangeChecksum> Of(IQueryable<PurchaseLineRow> rows) =>
        // Grouped by a test every row passes, so that the database computes all sums in one statement.
        from r in rows
        group r by r.OrderId > 0 into g
        select new RangeChecksum
        {
            Rows = g.Count(),
            OrderItemIds = g.Sum(r => (long)r.OrderItemId),
            OrderIds = g.Sum(r => (long)r.OrderId),
            CustomerIds = g.Sum(r => (long)r.CustomerId),
            StoreIds = g.Sum(r => (long)r.StoreId),
            ProductIds = g.Sum(r => (long)r.ProductId),
            StatusIds = g.Sum(r => (long)r.OrderStatusId),
            DeletedRows = g.Sum(r => r.Deleted ? 1 : 0),
            Prices = g.Sum(r => r.PriceInclTax)
        };
}
