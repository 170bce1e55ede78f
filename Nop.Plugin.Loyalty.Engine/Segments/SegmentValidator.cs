using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Checks a segment definition before it is saved or previewed.</summary>
/// <remarks>
/// Fields are paths into the definition ("root.children[1].window"), so the editor can point at the node.
/// Every definition still compiles, errors or not: validation is what keeps doubtful ones from being saved.
/// </remarks>
public static class SegmentValidator
{
    public const int MaxWindowDays = 36_600;
    public const int MinYear = 1900;
    public const int MaxYear = 2999;
    public const int MaxGenderLength = 100;

    /// <summary>Every broken rule of <paramref name="definition"/>; empty when it may be saved.</summary>
    public static IReadOnlyList<ValidationError> Validate(SegmentDefinition definition, ISegmentCatalog catalog)
    {
        var errors = new List<ValidationError>();
        if (definition.OrderStatusIds is { } statuses)
        {
            if (statuses.Count == 0)
                errors.Add(new("orderStatusIds", ResourceKeys.SegmentListEmpty));
            foreach (var status in statuses.Where(s => !OrderStatuses.All.Contains(s)).Distinct())
                errors.Add(new("orderStatusIds", ResourceKeys.SegmentOrderStatusUnknown, status));
        }

        var checks = new SegmentChecks(errors, catalog);
        if (definition.OrderStoreIds is { } stores)
            checks.Ids(stores, "orderStoreIds", SegmentEntity.Store);
        new Walker(checks).Node(definition.Root, "root", 0);
        return errors;
    }

    private sealed class Walker(SegmentChecks checks)
    {
        public void Node(SegmentNode node, string path, int groupDepth)
        {
            switch (node)
            {
                case SegmentGroup g:
                    var depth = groupDepth + 1;
                    if (depth > SegmentDefinition.MaxGroupDepth)
                    {
                        checks.Add(new(path, ResourceKeys.SegmentNestingTooDeep, SegmentDefinition.MaxGroupDepth));
                        return;
                    }
                    if (g.Children.Count == 0)
                        checks.Add(new(path, ResourceKeys.SegmentGroupEmpty));
                    for (var i = 0; i < g.Children.Count; i++)
                        Node(g.Children[i], $"{path}.children[{i}]", depth);
                    break;
                case SegmentCondition c:
                    c.Validate(checks, path);
                    break;
            }
        }
    }
}
