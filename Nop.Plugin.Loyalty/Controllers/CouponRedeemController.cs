using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Http;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Customer;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Web.Controllers;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// The page a copy's QR code opens (/coupons/use/{token}). Staff signed in with "Redeem coupons in store" see the copy
/// and press Use, which records them as the place; anyone else is told that staff must scan it. Built for a phone.
/// </summary>
[AutoValidateAntiforgeryToken]
public class CouponRedeemController : BasePublicController
{
    private readonly CouponPipeline _pipeline;
    private readonly CouponSigningKey _signingKey;
    private readonly CouponWalletModelFactory _modelFactory;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly CouponStaff _staff;
    private readonly IWorkContext _workContext;

    public CouponRedeemController(CouponPipeline pipeline,
        CouponSigningKey signingKey,
        CouponWalletModelFactory modelFactory,
        ICustomerService customerService,
        ILocalizationService localizationService,
        CouponStaff staff,
        IWorkContext workContext)
    {
        _pipeline = pipeline;
        _signingKey = signingKey;
        _modelFactory = modelFactory;
        _customerService = customerService;
        _localizationService = localizationService;
        _staff = staff;
        _workContext = workContext;
    }

    public async Task<IActionResult> Redeem(string token)
    {
        var (model, _) = await PrepareAsync(token);
        return RedeemView(model);
    }

    [HttpPost, ActionName("Redeem")]
    public async Task<IActionResult> RedeemPost(string token)
    {
        var (model, staff) = await PrepareAsync(token);
        if (staff == null || !string.IsNullOrEmpty(model.Error))
            return RedeemView(model);

        string done = null, refusal = null;
        try
        {
            var use = await _pipeline.RedeemByQrAsync(token, await _signingKey.GetAsync(), await _staff.PlaceOfAsync(staff));
            done = string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Redeem.Done"), use.PlaceName);
        }
        catch (LoyaltyRuleException e)
        {
            refusal = await _modelFactory.MessageAsync(e);
        }

        // Shown as the copy is now (one use fewer), with what just happened.
        (model, _) = await PrepareAsync(token);
        model.Done = done;
        model.Refusal = refusal ?? model.Refusal;
        return RedeemView(model);
    }

    /// <summary>The page for the current visitor, and the staff member when they may use the copy.</summary>
    private async Task<(CouponRedeemModel Model, Nop.Core.Domain.Customers.Customer Staff)> PrepareAsync(string token)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return (new CouponRedeemModel { Token = token, Error = await SignatureErrorAsync(token) }, null);
        if (!await _staff.MayRedeemAsync(customer))
            return (new CouponRedeemModel { Token = token, IsSignedIn = true, Error = await SignatureErrorAsync(token) }, null);
        return (await _modelFactory.PrepareRedeemAsync(token), customer);
    }

    /// <summary>Says to anyone, staff or not, that an edited or foreign link is not the store's; null for a well-signed one.</summary>
    private async Task<string> SignatureErrorAsync(string token)
    {
        try
        {
            CouponQr.Verify(token, await _signingKey.GetAsync());
            return null;
        }
        catch (LoyaltyRuleException e)
        {
            return await _modelFactory.MessageAsync(e);
        }
    }

    private IActionResult RedeemView(CouponRedeemModel model)
    {
        model.LoginUrl = Url.RouteUrl(NopRouteNames.General.LOGIN,
            new { returnUrl = Url.RouteUrl(LoyaltyUiDefaults.CouponRedeemRouteName, new { token = model.Token }) });
        return View(LoyaltyUiDefaults.ViewsPath + "Customer/Coupons/Redeem.cshtml", model);
    }
}
