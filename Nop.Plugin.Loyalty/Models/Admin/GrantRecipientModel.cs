using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>Search form of a grant's recipients grid.</summary>
public record GrantRecipientSearchModel : BaseSearchModel
{
    public int GrantId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Recipients.SearchEmail")]
    public string SearchEmail { get; set; }
}

/// <summary>One page of a grant's recipients.</summary>
public record GrantRecipientListModel : BasePagedListModel<GrantRecipientModel>;

/// <summary>One recipient of a grant; dates are written in the admin's culture and time zone.</summary>
public record GrantRecipientModel : BaseNopEntityModel
{
    public int CustomerId { get; set; }
    public string Email { get; set; }
    public string FullName { get; set; }
    public int Points { get; set; }
    public int RemainingPoints { get; set; }
    public string GrantedOn { get; set; }
    public string RevokedOn { get; set; }
    public int RevokedPoints { get; set; }
    public string PurgedOn { get; set; }

    /// <summary>Not revoked nor purged, and something is left to take back.</summary>
    public bool CanRevoke { get; set; }
}
