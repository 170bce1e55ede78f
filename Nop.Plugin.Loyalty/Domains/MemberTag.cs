using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// A member tag: a group of customers backed by its own non-system customer role (system name <c>Loyalty.Tag.&lt;id&gt;</c>),
/// so discounts, ACL, newsletters, tier prices and the customer list's role filter work on tags unchanged. Membership is
/// the role's mapping; this row keeps what a role lacks. The name lives on the role (renaming one renames the other).
/// </summary>
public class MemberTag : BaseEntity
{
    public int CustomerRoleId { get; set; }

    /// <summary>The tag group it is listed under; null when ungrouped.</summary>
    public int? GroupId { get; set; }

    /// <summary>The engine's <c>TagKind</c>: manual or automatic.</summary>
    public int KindId { get; set; }

    /// <summary>An automatic tag's rule in SegmentJson's format; null for a manual tag.</summary>
    public string RuleJson { get; set; }

    /// <summary>The saved segment the rule was taken from, for display; the rule itself is <see cref="RuleJson"/>.</summary>
    public int? SegmentId { get; set; }

    /// <summary>An automatic tag computes its members when saved instead of at the next batch.</summary>
    public bool ApplyNow { get; set; }

    /// <summary>The tag's colour in the admin, as #rrggbb.</summary>
    public string Color { get; set; }

    public string Description { get; set; }

    /// <summary>Customers see the tag on their points page (a rank, for example).</summary>
    public bool VisibleToCustomers { get; set; }

    public int DisplayOrder { get; set; }

    public int CreatedByCustomerId { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    /// <summary>When an automatic tag's members were last computed; null until the first time.</summary>
    public DateTime? LastRecomputedOnUtc { get; set; }
}
