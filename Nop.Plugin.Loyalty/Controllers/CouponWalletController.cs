using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Web.Controllers;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// "My coupons" in the customer's account: the wallet's tabs, a copy's page with its QR code, the holder's own Use
/// button and sharing by link or to a registered customer's email. The rules are the engine's; refusals are shown.
/// </summary>
[AutoValidateAntiforgeryToken]
public class CouponWalletController : BasePublicController
{
    private const string SharedLinkKey = "Loyalty.Coupons.SharedLink";
    private const string Resource = "Plugins.Misc.Loyalty.Coupons.";

    private readonly CouponPipeline _pipeline;
    private readonly CouponWalletModelFactory _modelFactory;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IWorkContext _workContext;

    public CouponWalletController(CouponPipeline pipeline,
        CouponWalletModelFactory modelFactory,
        ICustomerService customerService,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IWorkContext workContext)
    {
        _pipeline = pipeline;
        _modelFactory = modelFactory;
        _customerService = customerService;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _workContext = workContext;
    }

    /// <param name="tab">valid, used or expired.</param>
    /// <param name="after">Where the page starts (a previous page's "next").</param>
    public async Task<IActionResult> Wallet(string tab, string after)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return Challenge();

        var status = Enum.TryParse<CopyStatus>(tab, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : CopyStatus.Valid;
        var model = await _modelFactory.PrepareWalletAsync(customer, status, after);
        return View(LoyaltyUiDefaults.ViewsPath + "Customer/Coupons/Wallet.cshtml", model);
    }

    public async Task<IActionResult> Copy(int copyId)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return Challenge();

        var model = await _modelFactory.PrepareCopyAsync(customer, copyId, TempData[SharedLinkKey] as string);
        if (model == null)
        {
            _notificationService.ErrorNotification(await _localizationService.GetResourceAsync(CouponResourceKeys.CopyUnknown));
            return RedirectToRoute(LoyaltyUiDefaults.WalletRouteName);
        }

        return View(LoyaltyUiDefaults.ViewsPath + "Customer/Coupons/Copy.cshtml", model);
    }

    /// <summary>The holder's own Use button (the page asks to confirm first); no place is recorded.</summary>
    [HttpPost]
    public Task<IActionResult> Use(int copyId) => RunAsync(copyId, async customer =>
    {
        await _pipeline.UseOwnCopyAsync(copyId, customer.Id);
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync(Resource + "Redeem.UsedByCustomer"));
    });

    [HttpPost]
    public Task<IActionResult> ShareLink(int copyId) => RunAsync(copyId, async customer =>
    {
        var share = await _pipeline.ShareByLinkAsync(copyId, customer.Id);
        TempData[SharedLinkKey] = _modelFactory.ClaimUrl(share.Token);
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync(Resource + "Share.LinkCreated"));
    });

    [HttpPost]
    public Task<IActionResult> ShareEmail(int copyId, string email) => RunAsync(copyId, async customer =>
    {
        await _pipeline.ShareByEmailAsync(copyId, customer.Id, email);
        _notificationService.SuccessNotification(string.Format(
            await _localizationService.GetResourceAsync(Resource + "Share.EmailSent"), (email ?? "").Trim()));
    });

    /// <summary>Runs a step on the customer's copy; a refusal becomes an error message. Back to the copy's page either way.</summary>
    private async Task<IActionResult> RunAsync(int copyId, Func<Nop.Core.Domain.Customers.Customer, Task> step)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return Challenge();

        try
        {
            await step(customer);
        }
        catch (LoyaltyRuleException e)
        {
            _notificationService.ErrorNotification(await _modelFactory.MessageAsync(e));
        }

        return RedirectToRoute(LoyaltyUiDefaults.WalletCopyRouteName, new { copyId, action = "Copy" });
    }
}
