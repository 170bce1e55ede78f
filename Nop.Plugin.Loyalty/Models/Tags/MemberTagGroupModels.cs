using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>A tag group as its form edits it and the groups page lists it.</summary>
public record MemberTagGroupModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Groups.Fields.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Groups.Fields.DisplayOrder")]
    public int DisplayOrder { get; set; }

    public int TagCount { get; set; }
}

/// <summary>The groups page: every group, and the form of a new one.</summary>
public record MemberTagGroupListModel
{
    public IList<MemberTagGroupModel> Groups { get; set; } = new List<MemberTagGroupModel>();

    public MemberTagGroupModel NewGroup { get; set; } = new();
}
