using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Coupons;

/// <summary>Search form of the coupons list.</summary>
public record CouponSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.SearchTitle")]
    public string SearchTitle { get; set; }

    /// <summary>List withdrawn coupons instead of current ones.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.SearchWithdrawn")]
    public bool SearchWithdrawn { get; set; }
}

/// <summary>One page of the coupons grid.</summary>
public record CouponListModel : BasePagedListModel<CouponRowModel>;

/// <summary>A row of the coupons grid.</summary>
public record CouponRowModel : BaseNopEntityModel
{
    public string Title { get; set; }

    /// <summary>The validity as admins read it ("1 Apr 2027 – 30 Apr 2027", "10 days from receipt").</summary>
    public string Validity { get; set; }

    public int Uses { get; set; }

    public string Sharing { get; set; }

    public string Discount { get; set; }

    public int DisplayOrder { get; set; }

    public string CreatedOn { get; set; }
}

/// <summary>The create/edit page of a coupon definition.</summary>
public record CouponModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.Title")]
    public string Title { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.BenefitText")]
    public string BenefitText { get; set; }

    /// <summary>The stored picture (kept when no new image is uploaded); 0 for none.</summary>
    public int PictureId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.RemovePicture")]
    public bool RemovePicture { get; set; }

    /// <summary>The engine's CouponValidityKind: a period or days from receipt.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.Validity")]
    public int ValidityKindId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.ValidFrom")]
    [UIHint("DateNullable")]
    public DateTime? ValidFrom { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.ValidTo")]
    [UIHint("DateNullable")]
    public DateTime? ValidTo { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.ValidDays")]
    public int? ValidDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.Uses")]
    public int Uses { get; set; } = 1;

    /// <summary>The engine's SharingMode.</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.SharingMode")]
    public int SharingModeId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.UsedUpShareable")]
    public bool UsedUpShareable { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.UsageGuide")]
    [UIHint("RichEditor")]
    public string UsageGuideHtml { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.Code")]
    public string Code { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.ShowCode")]
    public bool ShowCode { get; set; }

    /// <summary>The linked nopCommerce discount; 0 for none (a coupon used in store only).</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.Discount")]
    public int DiscountId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Fields.DisplayOrder")]
    public int DisplayOrder { get; set; }

    #region Shown, never bound

    [BindNever]
    public string PictureUrl { get; set; }

    [BindNever]
    public bool Withdrawn { get; set; }

    [BindNever]
    public string CreatedOn { get; set; }

    [BindNever]
    public IList<SelectListItem> AvailableValidityKinds { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableSharingModes { get; set; } = new List<SelectListItem>();

    [BindNever]
    public IList<SelectListItem> AvailableDiscounts { get; set; } = new List<SelectListItem>();

    /// <summary>Problems that belong to no single field.</summary>
    [BindNever]
    public IList<string> Errors { get; set; } = new List<string>();

    #endregion
}
