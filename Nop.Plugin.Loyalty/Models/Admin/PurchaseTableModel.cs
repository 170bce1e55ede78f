using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>The purchase table's state on the configure page: how far its fill is.</summary>
public record PurchaseTableModel : BaseNopModel
{
    public bool Complete { get; init; }

    public int FilledThroughOrderId { get; init; }

    public int LastOrderId { get; init; }

    /// <summary>Share of the store's order ids copied, 0 to 100.</summary>
    public int Percent => Complete || LastOrderId <= 0 ? 100 : (int)Math.Min(100, 100L * FilledThroughOrderId / LastOrderId);
}
