namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>How the purchase table is filled from nopCommerce's orders and lines.</summary>
public static class PurchaseLines
{
    /// <summary>The purchase rows of the given orders, deleted or not: a copy of what the store holds for them.</summary>
    /// <remarks>
    /// The plugin refreshes an order by deleting its rows and inserting these again, for one order when it changes
    /// and for a range of order ids when the table is first filled or checked.
    /// </remarks>
    public static IQueryable<PurchaseLineRow> Of(IQueryable<OrderRow> orders, IQueryable<OrderItemRow> items) =>
        from i in items
        join o in orders on i.OrderId equals o.Id
        select new PurchaseLineRow
        {
            OrderItemId = i.Id,
            OrderId = o.Id,
            CustomerId = o.CustomerId,
            StoreId = o.StoreId,
            ProductId = i.ProductId,
            OrderStatusId = o.OrderStatusId,
            Deleted = o.Deleted,
            CreatedOnUtc = o.CreatedOnUtc,
            PriceInclTax = i.PriceInclTax
        };
}
