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

    /// <summary>The ids of each kind of store entity the definition names, for loading just their names.</summary>
    /// <remarks>Tolerates the nulls of a tree built in code rather than read by <see cref="SegmentJson"/>.</remarks>
    public IReadOnlyDictionary<SegmentEntity, HashSet<int>> MentionedIds()
    {
        var ids = Enum.GetValues<SegmentEntity>().ToDictionary(k => k, _ => new HashSet<int>());

        void Visit(SegmentNode? node)
        {
            if (node is SegmentGroup group)
                foreach (var child in group.Children ?? [])
                    Visit(child);
            else if (node is SegmentCondition condition)
                foreach (var (kind, id) in condition.MentionedIds())
                    ids[kind].Add(id);
        }

        Visit(Root);
        ids[SegmentEntity.Store].UnionWith(OrderStoreIds ?? []);
        return ids;
    }
}
