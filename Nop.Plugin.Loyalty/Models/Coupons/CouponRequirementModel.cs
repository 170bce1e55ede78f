using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Coupons;

/// <summary>The discount requirement "holds a usable coupon" as nopCommerce's discount page configures it.</summary>
public record CouponRequirementModel : BaseNopModel
{
    public int DiscountId { get; set; }

    /// <summary>0 for a requirement not saved yet.</summary>
    public int RequirementId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Coupons.Requirement.Coupon")]
    public int CouponId { get; set; }

    [BindNever]
    public IList<SelectListItem> AvailableCoupons { get; set; } = new List<SelectListItem>();
}
