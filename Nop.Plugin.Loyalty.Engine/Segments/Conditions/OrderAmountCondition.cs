namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>What an order amount condition measures.</summary>
public enum AmountBasis
{
    /// <summary>The sum of the order totals in the window (zero without orders).</summary>
    Total,
    /// <summary>Any single order in the window.</summary>
    AnySingleOrder
}

/// <summary>Customers whose order totals (summed, or any one order) in the window lie in <paramref name="Amount"/>.</summary>
public sealed record OrderAmountCondition(AmountBasis Basis, DecimalRange Amount, DateWindow? Window = null) : SegmentNode;
