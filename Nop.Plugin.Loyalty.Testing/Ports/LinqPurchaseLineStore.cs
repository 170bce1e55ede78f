using System.Data;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>The purchase table and the order tables over a linq2db connection to a nopCommerce-shaped store.</summary>
public sealed class LinqPurchaseLineStore(DataConnection db) : IPurchaseLineStore
{
    public IQueryable<OrderRow> Orders => NopStore.Sources(db).Orders;

    public IQueryable<OrderItemRow> OrderItems => NopStore.Sources(db).OrderItems;

    public IQueryable<PurchaseLineRow> PurchaseLines => NopStore.PurchaseLineRows(db);

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);

    public async Task<int> ReplaceAsync(OrderIdRange range, IQueryable<PurchaseLineRow> rows, CancellationToken cancellationToken = default)
    {
        var (after, through) = (range.After, range.Through);
        await using var transaction = await db.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await db.GetTable<LoyaltyPurchaseLine>().Where(p => p.OrderId > after && p.OrderId <= through).DeleteAsync(cancellationToken);
        var inserted = NopStore.InsertPurchaseLines(db, rows);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }
}
