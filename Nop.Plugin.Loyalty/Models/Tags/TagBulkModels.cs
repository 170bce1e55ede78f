using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>Tagging from conditions: the tag, add or remove, and the conditions (a saved segment's, or built here).</summary>
public record TagBulkModel : BaseNopModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Bulk.Tag")]
    public int TagId { get; set; }

    /// <summary>True to untag everyone matching; false to tag them.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Bulk.Action")]
    public bool Remove { get; set; }

    /// <summary>The saved segment the conditions were loaded from, if any.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Bulk.Segment")]
    public int? SegmentId { get; set; }

    public IList<SelectListItem> AvailableTags { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableSegments { get; set; } = new List<SelectListItem>();

    /// <summary>The builder's model: its DefinitionJson is the conditions posted back.</summary>
    public SegmentModel Builder { get; set; } = new();

    public IList<string> Errors { get; set; } = new List<string>();
}

/// <summary>What the admin confirms: the count and a sample of the customers whose tag will change.</summary>
public record TagBulkConfirmModel : BaseNopModel
{
    public int TagId { get; set; }

    public string TagName { get; set; }

    public bool Remove { get; set; }

    public string DefinitionJson { get; set; }

    /// <summary>The instant the conditions were counted at; the run evaluates them at the same instant.</summary>
    public long EvaluatedAtTicks { get; set; }

    public string Description { get; set; }

    public int MatchCount { get; set; }

    public int ChangeCount { get; set; }

    public IList<SegmentPreviewCustomerModel> Sample { get; set; } = new List<SegmentPreviewCustomerModel>();

    public string SampleDenied { get; set; }
}

/// <summary>A background tagging run, polled by its page.</summary>
public record TagBulkProgressModel : BaseNopModel
{
    public int RunId { get; set; }

    /// <summary>0 when the tag no longer exists.</summary>
    public int TagId { get; set; }

    public string TagName { get; set; }

    public string Title { get; set; }
}
