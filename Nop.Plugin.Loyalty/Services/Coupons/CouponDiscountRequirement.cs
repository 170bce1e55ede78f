using Nop.Core;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Configuration;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// The discount requirement "holds a usable coupon of this kind": nopCommerce's discount engine computes the amount,
/// and only a customer holding a copy an order could use now (CouponPipeline.HoldsUsableAsync) may apply the discount.
/// Each requirement stores the coupon it names; that coupon must be linked to the requirement's discount.
/// </summary>
public class CouponDiscountRequirement
{
    /// <summary>The setting holding a requirement's coupon id.</summary>
    public const string SettingKey = "Loyalty.CouponRequirement-{0}";

    /// <summary>The configuration page's route (loaded into nopCommerce's discount page).</summary>
    public const string ConfigurationRouteName = "Plugin.Misc.Loyalty.CouponRequirement";

    private readonly CouponDefinitionService _coupons;
    private readonly CouponPipeline _pipeline;
    private readonly IDiscountService _discountService;
    private readonly ILocalizationService _localizationService;
    private readonly ISettingService _settingService;

    public CouponDiscountRequirement(CouponDefinitionService coupons,
        CouponPipeline pipeline,
        IDiscountService discountService,
        ILocalizationService localizationService,
        ISettingService settingService)
    {
        _coupons = coupons;
        _pipeline = pipeline;
        _discountService = discountService;
        _localizationService = localizationService;
        _settingService = settingService;
    }

    public async Task<DiscountRequirementValidationResult> CheckAsync(DiscountRequirementValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new DiscountRequirementValidationResult
        {
            UserError = await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Requirement.NotHeld")
        };
        if (request.Customer == null)
            return result;

        var requirement = await _discountService.GetDiscountRequirementByIdAsync(request.DiscountRequirementId);
        var coupon = await GetCouponAsync(request.DiscountRequirementId) is { } id ? await _coupons.GetByIdAsync(id) : null;
        if (requirement == null || coupon == null || coupon.Deleted || coupon.DiscountId != requirement.DiscountId)
            return result;

        result.IsValid = await _pipeline.HoldsUsableAsync(request.Customer.Id, requirement.DiscountId);
        if (result.IsValid)
            result.UserError = null;
        return result;
    }

    public static string ConfigurationUrl(INopUrlHelper nopUrlHelper, IWebHelper webHelper, int discountId, int? discountRequirementId) =>
        nopUrlHelper.RouteUrl(ConfigurationRouteName, new { discountId, discountRequirementId }, webHelper.GetCurrentRequestProtocol());

    /// <summary>The coupon a requirement names; null when none is set.</summary>
    public async Task<int?> GetCouponAsync(int discountRequirementId) =>
        await _settingService.GetSettingByKeyAsync<int>(string.Format(SettingKey, discountRequirementId)) is > 0 and var id ? id : null;

    public Task SetCouponAsync(int discountRequirementId, int couponId) =>
        _settingService.SetSettingAsync(string.Format(SettingKey, discountRequirementId), couponId);

    /// <summary>Removes every requirement of this rule from nopCommerce's discounts, with their settings (uninstall).</summary>
    public async Task DeleteAllAsync()
    {
        foreach (var requirement in (await _discountService.GetAllDiscountRequirementsAsync())
                 .Where(r => r.DiscountRequirementRuleSystemName == LoyaltyDefaults.SystemName))
        {
            if (await _settingService.GetSettingAsync(string.Format(SettingKey, requirement.Id)) is { } setting)
                await _settingService.DeleteSettingAsync(setting);
            await _discountService.DeleteDiscountRequirementAsync(requirement, false);
        }
    }
}
