namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>One line of an order, projected from nopCommerce's OrderItem table.</summary>
public sealed class OrderItemRow
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    public decimal PriceInclTax { get; set; }
}
