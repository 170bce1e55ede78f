namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Every registered customer.</summary>
public sealed record AllRegisteredCondition : SegmentNode;
