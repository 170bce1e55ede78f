using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Discounts;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Coupons;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// Configures the discount requirement "holds a usable coupon" inside nopCommerce's discount page: the coupon it names.
/// Saving it links the coupon to the discount when the coupon has no discount yet; a coupon linked to another discount
/// is refused with a message, so a requirement never names a coupon whose copies the discount cannot use.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class CouponRequirementController : BasePluginController
{
    private const string Prefix = "Plugins.Misc.Loyalty.Coupons.Requirement.";

    private readonly CouponDefinitionService _coupons;
    private readonly CouponDiscountRequirement _requirement;
    private readonly IDiscountService _discountService;
    private readonly ILocalizationService _localizationService;

    public CouponRequirementController(CouponDefinitionService coupons,
        CouponDiscountRequirement requirement,
        IDiscountService discountService,
        ILocalizationService localizationService)
    {
        _coupons = coupons;
        _requirement = requirement;
        _discountService = discountService;
        _localizationService = localizationService;
    }

    private Task<string> ResourceAsync(string suffix) => _localizationService.GetResourceAsync(Prefix + suffix);

    [HttpGet("Admin/Coupons/Requirement", Name = CouponDiscountRequirement.ConfigurationRouteName)]
    [CheckPermission(StandardPermission.Promotions.DISCOUNTS_VIEW)]
    public async Task<IActionResult> Configure(int discountId, int? discountRequirementId)
    {
        if (await _discountService.GetDiscountByIdAsync(discountId) == null)
            return Content(await ResourceAsync("DiscountUnknown"));
        if (discountRequirementId is { } id && await _discountService.GetDiscountRequirementByIdAsync(id) == null)
            return Content(await ResourceAsync("RequirementUnknown"));

        var couponId = discountRequirementId is { } saved ? await _requirement.GetCouponAsync(saved) ?? 0 : 0;
        var model = new CouponRequirementModel { DiscountId = discountId, RequirementId = discountRequirementId ?? 0, CouponId = couponId };
        model.AvailableCoupons.Add(new SelectListItem(await ResourceAsync("Select"), "0"));
        foreach (var coupon in await _coupons.SearchAsync(null, false, 0, int.MaxValue))
            model.AvailableCoupons.Add(new SelectListItem(coupon.Title, coupon.Id.ToString(CultureInfo.InvariantCulture), coupon.Id == couponId));

        // Several requirements can be open on the discount page: each one's fields get their own ids.
        ViewData.TemplateInfo.HtmlFieldPrefix = $"LoyaltyCouponRequirement{model.RequirementId}";
        return View(LoyaltyUiDefaults.ViewsPath + "Coupons/Admin/Requirement.cshtml", model);
    }

    [HttpPost("Admin/Coupons/Requirement")]
    [CheckPermission(StandardPermission.Promotions.DISCOUNTS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Configure(CouponRequirementModel model)
    {
        var discount = await _discountService.GetDiscountByIdAsync(model.DiscountId);
        if (discount == null)
            return Ok(new { Errors = new[] { await ResourceAsync("DiscountUnknown") } });

        var coupon = model.CouponId > 0 ? await _coupons.GetByIdAsync(model.CouponId) : null;
        if (coupon == null || coupon.Deleted)
            return Ok(new { Errors = new[] { await ResourceAsync("CouponRequired") } });
        if (coupon.DiscountId is { } linked && linked != discount.Id)
        {
            var other = await _discountService.GetDiscountByIdAsync(linked);
            return Ok(new { Errors = new[] { string.Format(await ResourceAsync("LinkedElsewhere"), coupon.Title, other?.Name ?? linked.ToString(CultureInfo.InvariantCulture)) } });
        }

        var requirement = await _discountService.GetDiscountRequirementByIdAsync(model.RequirementId);
        if (requirement == null)
        {
            requirement = new DiscountRequirement { DiscountId = discount.Id, DiscountRequirementRuleSystemName = LoyaltyDefaults.SystemName };
            await _discountService.InsertDiscountRequirementAsync(requirement);
        }

        if (coupon.DiscountId == null)
            await _coupons.LinkDiscountAsync(coupon, discount.Id);
        await _requirement.SetCouponAsync(requirement.Id, coupon.Id);
        return Ok(new { NewRequirementId = requirement.Id });
    }
}
