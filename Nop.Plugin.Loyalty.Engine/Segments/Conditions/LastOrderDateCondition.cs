namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose latest counted order falls in the window (only To = before, only From = after); never customers without orders.</summary>
public sealed record LastOrderDateCondition(DateWindow Window) : SegmentNode;
