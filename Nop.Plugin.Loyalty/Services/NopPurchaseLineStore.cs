using System.Linq.Expressions;
using LinqToDB;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>The engine's purchase table port over nopCommerce's repositories.</summary>
public class NopPurchaseLineStore : IPurchaseLineStore
{
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<OrderItem> _orderItemRepository;
    private readonly IRepository<PurchaseLine> _purchaseLineRepository;

    public NopPurchaseLineStore(IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<PurchaseLine> purchaseLineRepository)
    {
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _purchaseLineRepository = purchaseLineRepository;
    }

    public IQueryable<OrderRow> Orders => StoreSourcesFactory.ProjectOrders(_orderRepository.Table);

    public IQueryable<OrderItemRow> OrderItems => StoreSourcesFactory.ProjectOrderItems(_orderItemRepository.Table);

    public IQueryable<PurchaseLineRow> PurchaseLines => StoreSourcesFactory.ProjectPurchaseLines(_purchaseLineRepository.Table);

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);

    /// <summary>The entity of an engine row: INSERT … SELECT's projection, and compiled for rows read into memory.</summary>
    public static readonly Expression<Func<PurchaseLineRow, PurchaseLine>> FromRow = r => new PurchaseLine
    {
        OrderItemId = r.OrderItemId,
        OrderId = r.OrderId,
        CustomerId = r.CustomerId,
        StoreId = r.StoreId,
        ProductId = r.ProductId,
        OrderStatusId = r.OrderStatusId,
        Deleted = r.Deleted,
        CreatedOnUtc = r.CreatedOnUtc,
        PriceInclTax = r.PriceInclTax
    };

    public async Task<int> ReplaceAsync(OrderIdRange range, IQueryable<PurchaseLineRow> rows, CancellationToken cancellationToken = default)
    {
        // nopCommerce's repositories hand out linq2db tables, which INSERT … SELECT needs as its target.
        if (_purchaseLineRepository.Table is not ITable<PurchaseLine> table)
            throw new InvalidOperationException("The purchase table is not a linq2db table.");

        var (after, through) = (range.After, range.Through);
        using var transaction = LoyaltyTransaction.Begin();
        await _purchaseLineRepository.DeleteAsync(p => p.OrderId > after && p.OrderId <= through);
        var inserted = await rows.InsertAsync(table, FromRow, cancellationToken);
        transaction.Complete();
        return inserted;
    }
}
