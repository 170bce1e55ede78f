namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers in any of the listed customer roles.</summary>
public sealed record CustomerRoleCondition(IReadOnlyList<int> RoleIds) : SegmentNode;
