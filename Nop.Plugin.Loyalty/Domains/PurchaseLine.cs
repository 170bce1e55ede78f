using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// One order line with its order's customer, status, deletion flag and date: a copy kept so that purchase conditions
/// read one indexed table instead of joining nopCommerce's orders to their lines (the engine's PurchaseLineRow).
/// </summary>
/// <remarks>
/// Rows are never edited: an order's rows are deleted and written again whenever the order or one of its lines changes.
/// </remarks>
public class PurchaseLine : BaseEntity
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
