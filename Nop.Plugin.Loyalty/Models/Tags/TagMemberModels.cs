using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>Search form of a tag's members grid.</summary>
public record TagMemberSearchModel : BaseSearchModel
{
    public int TagId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Members.Search")]
    public string SearchText { get; set; }
}

/// <summary>One page of a tag's members.</summary>
public record TagMemberListModel : BasePagedListModel<TagMemberRowModel>;

/// <summary>A member of a tag; Id is the customer's.</summary>
public record TagMemberRowModel : BaseNopEntityModel
{
    public string Email { get; set; }
    public string Name { get; set; }
}

/// <summary>The Tags card of the admin customer page.</summary>
public record CustomerTagsModel
{
    public int CustomerId { get; set; }
    public IList<MemberTagRowModel> Tags { get; set; } = new List<MemberTagRowModel>();

    /// <summary>Tags the customer does not hold, for the "add" picker.</summary>
    public IList<MemberTagRowModel> OtherTags { get; set; } = new List<MemberTagRowModel>();
}
