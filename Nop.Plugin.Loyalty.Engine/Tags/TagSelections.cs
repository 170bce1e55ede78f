using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>The customers a tagging step would change, as a segment definition the preview counts and samples.</summary>
public static class TagSelections
{
    /// <summary>
    /// Of the customers <paramref name="selection"/> matches, those tagging (<see cref="TagAction.Add"/>) would give the
    /// tag (those lacking it) or untagging would take it from (those holding it).
    /// </summary>
    public static SegmentDefinition Changing(SegmentDefinition selection, int tagId, TagAction action) =>
        selection with
        {
            Root = new SegmentGroup(GroupMatch.All, [selection.Root, new TagCondition([tagId]) { Not = action == TagAction.Add }])
        };
}
