using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>The create/edit page of a tag.</summary>
public record MemberTagModel : BaseNopEntityModel
{
    /// <summary>Where an automatic tag's rule comes from.</summary>
    public const string RuleFromSegment = "segment";
    public const string RuleFromConditions = "conditions";

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.Group")]
    public int? GroupId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.Color")]
    public string Color { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.Description")]
    public string Description { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.VisibleToCustomers")]
    public bool VisibleToCustomers { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.DisplayOrder")]
    public int DisplayOrder { get; set; }

    /// <summary>The engine's TagKind.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.Kind")]
    public int KindId { get; set; }

    /// <summary><see cref="RuleFromSegment"/> or <see cref="RuleFromConditions"/>.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.RuleSource")]
    public string RuleSource { get; set; } = RuleFromConditions;

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.Segment")]
    public int? SegmentId { get; set; }

    /// <summary>The conditions built on the page (SegmentJson), used when <see cref="RuleSource"/> is conditions.</summary>
    public string DefinitionJson { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Fields.ApplyNow")]
    public bool ApplyNow { get; set; }

    #region Shown, never bound

    [BindNever]
    public IList<SelectListItem> AvailableGroups { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableKinds { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableSegments { get; set; } = new List<SelectListItem>();

    /// <summary>The segment builder's model (its data and the definition's errors), for the shared builder partial.</summary>
    [BindNever]
    public SegmentModel Builder { get; set; }

    /// <summary>Localized problems of the tag that are not a single field's (the rule's, the role's name).</summary>
    [BindNever]
    public IList<string> Errors { get; set; } = new List<string>();

    [BindNever]
    public int MemberCount { get; set; }

    [BindNever]
    public string LastRecomputedOn { get; set; }

    [BindNever]
    public string CreatedOn { get; set; }

    [BindNever]
    public int CustomerRoleId { get; set; }

    [BindNever]
    public bool CanViewMembers { get; set; }

    [BindNever]
    public TagMemberSearchModel MemberSearch { get; set; }

    #endregion
}
