using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The customer fields a definition's conditions read, and the warnings for those a store does not collect.</summary>
/// <remarks>
/// Warnings, not errors: customers recorded before the store stopped collecting a field still match, so the definition
/// may be saved; the owner only has to know that new customers will not.
/// </remarks>
public static class SegmentFieldUse
{
    /// <summary>Each condition that reads a customer field, by its path ("root.children[1]"), with the field.</summary>
    public static IReadOnlyList<(string Path, CustomerField Field)> Reads(SegmentDefinition definition)
    {
        var reads = new List<(string, CustomerField)>();

        void Visit(SegmentNode? node, string path)
        {
            if (node is SegmentGroup group)
                for (var i = 0; i < (group.Children?.Count ?? 0); i++)
                    Visit(group.Children![i], $"{path}.children[{i}]");
            else if (node is SegmentCondition condition)
                reads.AddRange(condition.CustomerFields().Select(field => (path, field)));
        }

        Visit(definition.Root, "root");
        return reads;
    }

    /// <summary>A warning for each condition reading a field that is not in <paramref name="collected"/>.</summary>
    public static IReadOnlyList<ValidationError> Uncollected(SegmentDefinition definition, IReadOnlySet<CustomerField> collected) =>
        Reads(definition)
            .Where(read => !collected.Contains(read.Field))
            .Select(read => new ValidationError(read.Path, ResourceKeys.SegmentFieldNotCollected(read.Field)))
            .ToList();
}
