namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose CountryId is one of the listed countries.</summary>
public sealed record CountryCondition(IReadOnlyList<int> CountryIds) : SegmentNode;
