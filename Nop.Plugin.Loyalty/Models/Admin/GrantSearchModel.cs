using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>Search form of the special grants list.</summary>
public record GrantSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grants.SearchName")]
    public string SearchName { get; set; }
}

/// <summary>One page of the special grants grid.</summary>
public record GrantListModel : BasePagedListModel<GrantModel>;
