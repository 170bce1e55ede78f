using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>A row of the orders by tag grid.</summary>
public record TagOrderModel : BaseNopEntityModel
{
    public string CreatedOn { get; set; }
    public int CustomerId { get; set; }
    public string Customer { get; set; }
    public string OrderStatus { get; set; }
    public string OrderTotal { get; set; }
    public string Store { get; set; }
    public string Tags { get; set; }
}

/// <summary>A page of the orders by tag grid; <see cref="NextBeforeOrderId"/> is where the next page starts (keyset paging).</summary>
public record TagOrderListModel : BasePagedListModel<TagOrderModel>
{
    public int? NextBeforeOrderId { get; set; }
}
