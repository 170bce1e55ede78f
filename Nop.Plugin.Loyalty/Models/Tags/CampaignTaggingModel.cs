using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>"Tag the recipients of this campaign": the campaign, the tag to give, and the recipients counted before confirming.</summary>
public record CampaignTaggingModel : BaseNopModel
{
    public int CampaignId { get; set; }
    public string CampaignName { get; set; }

    /// <summary>Who the campaign targets, described (store, customer role, newsletter).</summary>
    public string AudienceText { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Newsletter.Tag")]
    public int TagId { get; set; }

    public IList<SelectListItem> AvailableTags { get; set; } = new List<SelectListItem>();

    /// <summary>The recipients counted for <see cref="TagId"/>; null until counted.</summary>
    public int? RecipientCount { get; set; }
}
