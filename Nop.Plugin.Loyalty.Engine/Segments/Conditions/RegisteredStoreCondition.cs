namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers who registered in one of the listed stores (RegisteredInStoreId).</summary>
public sealed record RegisteredStoreCondition(IReadOnlyList<int> StoreIds) : SegmentNode;
