namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>A member tag as the engine sees it: the customer role that holds its members and, when automatic, its rule.</summary>
public sealed class TagRow
{
    public int Id { get; set; }

    /// <summary>The tag's own customer role; membership is that role's customer mapping.</summary>
    public int CustomerRoleId { get; set; }

    public string Name { get; set; } = "";

    public TagKind Kind { get; set; }

    /// <summary>An automatic tag's rule in SegmentJson's format; null for a manual tag.</summary>
    public string? RuleJson { get; set; }

    public bool VisibleToCustomers { get; set; }

    public DateTime? LastRecomputedOnUtc { get; set; }
}
