using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// One order line with its order's customer, store, status, deletion flag and date: a copy kept so that purchase conditions
/// read one indexed table instead of joining nopCommerce's orders to their lines (the engine's PurchaseLineRow).
/// </summary>
/// <remarks>
/// Only ever copied from the store (PurchaseLineSync): a changed line's row is written again, a changed order's fields are
/// set on its rows.
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
