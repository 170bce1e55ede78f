namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose StateProvinceId is one of the listed states or provinces.</summary>
public sealed record StateProvinceCondition(IReadOnlyList<int> StateProvinceIds) : SegmentNode;
