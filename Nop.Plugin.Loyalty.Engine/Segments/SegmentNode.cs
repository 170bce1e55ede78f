using System.Text.Json.Serialization;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A node of a segment definition: a group or a condition, either of which may be negated.</summary>
/// <remarks>Its JSON "type" names come from <see cref="ConditionCatalog"/>.</remarks>
public abstract record SegmentNode
{
    /// <summary>Selects exactly the registered customers the node without Not would leave out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Not { get; init; }
}

/// <summary>How a group combines its children.</summary>
public enum GroupMatch
{
    /// <summary>Every child holds; an empty All group selects every registered customer.</summary>
    All,
    /// <summary>At least one child holds; an empty Any group selects nobody.</summary>
    Any
}

/// <summary>A group of nodes combined with All (AND) or Any (OR).</summary>
public sealed record SegmentGroup(GroupMatch Match, IReadOnlyList<SegmentNode> Children) : SegmentNode;
