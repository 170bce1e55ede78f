using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>The purchase table and the store's order tables it copies, for filling, verifying and repairing it.</summary>
public interface IPurchaseLineStore
{
    /// <summary>Every order row, deleted or not.</summary>
    IQueryable<OrderRow> Orders { get; }

    IQueryable<OrderItemRow> OrderItems { get; }

    /// <summary>The plugin's purchase table as it is.</summary>
    IQueryable<PurchaseLineRow> PurchaseLines { get; }

    /// <summary>Runs a query composed over these tables.</summary>
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the purchase rows of the orders in <paramref name="range"/> by <paramref name="rows"/> in one transaction,
    /// set-based: one DELETE and one INSERT … SELECT, no row through memory. Returns how many rows were inserted.
    /// </summary>
    Task<int> ReplaceAsync(OrderIdRange range, IQueryable<PurchaseLineRow> rows, CancellationToken cancellationToken = default);
}
