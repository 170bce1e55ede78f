namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>An order as the loyalty rules see it, projected from nopCommerce's Order table.</summary>
public sealed class OrderRow
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int StoreId { get; set; }
    public int OrderStatusId { get; set; }
    public int PaymentStatusId { get; set; }
    public decimal OrderTotal { get; set; }
    public bool Deleted { get; set; }
    public DateTime CreatedOnUtc { get; set; }
}
