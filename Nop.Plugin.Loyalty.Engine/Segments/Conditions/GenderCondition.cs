namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose Gender is one of the listed values (nopCommerce stores "M" and "F").</summary>
public sealed record GenderCondition(IReadOnlyList<string> Genders) : SegmentNode;
