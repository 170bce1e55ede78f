using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Http;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Web.Controllers;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// The page a shared coupon link opens (/coupons/claim/{token}). A visitor signs in or registers first (back here by
/// returnUrl); the link is remembered so that a registration credits the first sharer. The claim itself is a POST.
/// </summary>
[AutoValidateAntiforgeryToken]
public class CouponClaimController : BasePublicController
{
    private readonly CouponPipeline _pipeline;
    private readonly CouponWalletModelFactory _modelFactory;
    private readonly CouponLinkCookie _linkCookie;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IWorkContext _workContext;

    public CouponClaimController(CouponPipeline pipeline,
        CouponWalletModelFactory modelFactory,
        CouponLinkCookie linkCookie,
        ICustomerService customerService,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IWorkContext workContext)
    {
        _pipeline = pipeline;
        _modelFactory = modelFactory;
        _linkCookie = linkCookie;
        _customerService = customerService;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _workContext = workContext;
    }

    public async Task<IActionResult> Claim(string token)
    {
        var (customer, signedIn) = await VisitorAsync();
        var model = await _modelFactory.PrepareClaimAsync(token, customer, signedIn);
        if (!signedIn && string.IsNullOrEmpty(model.Refusal))
            _linkCookie.Remember(token);
        return ClaimView(model);
    }

    [HttpPost, ActionName("Claim")]
    public async Task<IActionResult> ClaimPost(string token)
    {
        var (customer, signedIn) = await VisitorAsync();
        if (!signedIn)
            return RedirectToAction(nameof(Claim), new { token });

        try
        {
            var copy = await _pipeline.ClaimAsync(token, customer.Id);
            _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Share.Claimed"));
            return RedirectToRoute(LoyaltyUiDefaults.WalletCopyRouteName, new { copyId = copy.Id, action = "Copy" });
        }
        catch (LoyaltyRuleException e)
        {
            var model = await _modelFactory.PrepareClaimAsync(token, customer, signedIn);
            model.Refusal = await _modelFactory.MessageAsync(e);
            return ClaimView(model);
        }
    }

    private async Task<(Nop.Core.Domain.Customers.Customer Customer, bool SignedIn)> VisitorAsync()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        return (customer, await _customerService.IsRegisteredAsync(customer));
    }

    private IActionResult ClaimView(Models.Customer.CouponClaimModel model)
    {
        var returnUrl = Url.RouteUrl(LoyaltyUiDefaults.CouponClaimRouteName, new { token = model.Token });
        model.LoginUrl = Url.RouteUrl(NopRouteNames.General.LOGIN, new { returnUrl });
        model.RegisterUrl = Url.RouteUrl(NopRouteNames.Standard.REGISTER, new { returnUrl });
        return View(LoyaltyUiDefaults.ViewsPath + "Customer/Coupons/Claim.cshtml", model);
    }
}
