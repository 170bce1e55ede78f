using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>The steps of the special points wizard.</summary>
public enum GrantWizardStep
{
    Target = 1,
    Content = 2,
    Confirm = 3
}

/// <summary>
/// The special points wizard. <see cref="State"/> carries the draft collected so far (a serialized GrantDraft)
/// from step to step; the visible fields are the ones of the current step and are applied to the draft on post.
/// </summary>
public record GrantWizardModel : BaseNopModel
{
    public GrantWizardStep Step { get; set; } = GrantWizardStep.Target;

    /// <summary>The serialized draft (hidden field).</summary>
    public string State { get; set; }

    #region Target step

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.TargetKind")]
    public int TargetKind { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.Roles")]
    public IList<int> SelectedRoleIds { get; set; } = new List<int>();

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.Tags")]
    public IList<int> SelectedTagIds { get; set; } = new List<int>();

    /// <summary>A newly pasted list; once stored, the page never carries it back.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.CustomerList")]
    public string CustomerListText { get; set; }

    /// <summary>A saved segment (target kind Segment).</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.Segment")]
    public int? SegmentId { get; set; }

    /// <summary>Conditions built in the wizard (target kind InlineSegment), as segment JSON.</summary>
    public string SegmentDefinitionJson { get; set; }

    /// <summary>The segment builder's data for <see cref="SegmentDefinitionJson"/>.</summary>
    [BindNever]
    public SegmentModel InlineSegment { get; set; }

    /// <summary>The stored customer list's first lines as read, and where it came from; null when there is none.</summary>
    [BindNever]
    public CustomerListSampleModel CustomerListSample { get; set; }

    /// <summary>An uploaded CSV file; its text replaces the pasted list.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.CustomerListFile")]
    public IFormFile CustomerListFile { get; set; }

    #endregion

    #region Content step

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.Points")]
    [UIHint("Int32Nullable")]
    public int? Points { get; set; }

    /// <summary>The last day the points can be used, in the store's time zone.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.ExpiresOn")]
    [UIHint("DateNullable")]
    public DateTime? ExpiresOn { get; set; }

    /// <summary>When on that day they stop being usable; empty for the end of the day.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.ExpiresAt")]
    public TimeOnly? ExpiresAt { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.ActivatesOn")]
    [UIHint("DateTimeNullable")]
    public DateTime? ActivatesOn { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Wizard.NotifyCustomers")]
    public bool NotifyCustomers { get; set; }

    #endregion

    #region Shown, never bound

    [BindNever]
    public IList<SelectListItem> AvailableTargetKinds { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableRoles { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableTags { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableSegments { get; set; } = new List<SelectListItem>();

    /// <summary>The admin's time zone (activation, and every date shown).</summary>
    [BindNever]
    public string TimeZoneName { get; set; }

    /// <summary>The store's time zone, in which the expiry day is entered.</summary>
    [BindNever]
    public string StoreTimeZoneName { get; set; }

    [BindNever]
    public string ExpiresOnText { get; set; }

    [BindNever]
    public string ActivatesOnText { get; set; }

    /// <summary>Messages of broken rules, localized.</summary>
    [BindNever]
    public IList<string> Errors { get; set; } = new List<string>();

    [BindNever]
    public IList<RejectedRowModel> RejectedRows { get; set; } = new List<RejectedRowModel>();

    [BindNever]
    public bool HasPreview { get; set; }

    [BindNever]
    public int RecipientCount { get; set; }

    [BindNever]
    public long TotalPoints { get; set; }

    [BindNever]
    public string TotalValue { get; set; }

    [BindNever]
    public string TargetDescription { get; set; }

    [BindNever]
    public bool CanConfirm { get; set; }


    #endregion
}

/// <summary>
/// The first lines of the wizard's customer list as the plugin read them, so the store owner sees a wrong encoding
/// before confirming. <see cref="SourceName"/> and <see cref="EncodingName"/> are null for a pasted list.
/// </summary>
public record CustomerListSampleModel(string SourceName, string EncodingName, IList<ListLine> Lines);

/// <summary>A customer list row that cannot be used, with its localized reason.</summary>
public record RejectedRowModel(int LineNumber, string Text, string Reason);
