namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>The orders with ids in (<paramref name="After"/>, <paramref name="Through"/>]: the unit the purchase table is copied and checked in.</summary>
public readonly record struct OrderIdRange(int After, int Through)
{
    /// <summary>The range of <paramref name="orders"/> order ids that follows order id <paramref name="after"/>.</summary>
    public static OrderIdRange Following(int after, int orders) => new(after, (int)Math.Min((long)after + orders, int.MaxValue));

    public bool Contains(int orderId) => orderId > After && orderId <= Through;
}
