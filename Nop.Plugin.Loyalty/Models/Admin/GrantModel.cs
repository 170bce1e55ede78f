using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>A special grant as the admin sees it; every date is written in the admin's culture and time zone (LoyaltyDates).</summary>
public record GrantModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.Points")]
    public int Points { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.ExpiresOn")]
    public string ExpiresOn { get; set; }

    /// <summary>Empty for points usable at once.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.ActivatesOn")]
    public string ActivatesOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.Target")]
    public string TargetDescription { get; set; }

    public int StatusId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.Status")]
    public string Status { get; set; }

    /// <summary>Queued or Running: the page refreshes its progress.</summary>
    public bool IsInProgress { get; set; }

    /// <summary>Whether "revoke all" may start: the grant has finished running and has not been revoked already.</summary>
    public bool CanRevokeAll { get; set; }

    public int GrantedCount { get; set; }
    public int PlannedRecipientCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.Progress")]
    public string Progress { get; set; }

    public int ProgressPercent { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.RevokedCount")]
    public int RevokedCount { get; set; }

    /// <summary>The revoked count as the grid shows it, digits grouped like the progress column's.</summary>
    public string RevokedText { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.PurgedCount")]
    public int PurgedCount { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.NotifyCustomers")]
    public bool NotifyCustomers { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.CreatedOn")]
    public string CreatedOn { get; set; }

    public int CreatedByCustomerId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.CreatedBy")]
    public string CreatedBy { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.StartedOn")]
    public string StartedOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.CompletedOn")]
    public string CompletedOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Grant.LastError")]
    public string LastError { get; set; }
}
