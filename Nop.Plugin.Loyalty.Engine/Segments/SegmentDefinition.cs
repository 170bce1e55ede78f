namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A saved segment's rule: a tree of groups and conditions selecting registered customers.</summary>
/// <param name="Root">The top node, usually an All group.</param>
/// <param name="OrderStatusIds">
/// Order statuses that count as orders for every order condition; null means every status except Cancelled.
/// Deleted orders never count.
/// </param>
/// <param name="OrderStoreIds">Stores whose orders count for every order condition; null means every store.</param>
public sealed record SegmentDefinition(SegmentNode Root, IReadOnlyList<int>? OrderStatusIds = null, IReadOnlyList<int>? OrderStoreIds = null)
{
    /// <summary>The only JSON format version this engine reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The deepest allowed nesting of groups (the root group is level 1).</summary>
    public const int MaxGroupDepth = 5;
}
