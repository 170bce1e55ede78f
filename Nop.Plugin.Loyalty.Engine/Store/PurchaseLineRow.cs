namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>An order line together with its order's customer, status and date: one row of the plugin's purchase table.</summary>
/// <remarks>
/// nopCommerce keeps the customer on Order and the product on OrderItem, so "bought from a category for 10,000 or
/// more" must join two million orders to their lines. The plugin keeps this copy, indexed by product and by customer,
/// so that purchase conditions read one index instead.
/// </remarks>
public sealed class PurchaseLineRow
{
    public int OrderItemId { get; set; }
    public int OrderId { get; set; }
    public int CustomerId { get; set; }
    public int StoreId { get; set; }
    public int ProductId { get; set; }
    public int OrderStatusId { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public decimal PriceInclTax { get; set; }
}
