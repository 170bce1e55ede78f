namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose number of counted orders in the window lies in <paramref name="Count"/> (1..1 = exactly once).</summary>
public sealed record OrderCountCondition(IntRange Count, DateWindow? Window = null) : SegmentNode;
