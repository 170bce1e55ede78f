using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Http;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Customers;
using Nop.Web.Controllers;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// The customer's points page. It answers nopCommerce's own "Reward points" link (/rewardpoints/history, see
/// RouteProvider), so the account navigation has one entry for balance, expiring points and history.
/// </summary>
[AutoValidateAntiforgeryToken]
public class LoyaltyCustomerController : BasePublicController
{
    private readonly ICustomerService _customerService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly LoyaltyCustomerModelFactory _modelFactory;
    private readonly RewardPointsSettings _rewardPointsSettings;

    public LoyaltyCustomerController(ICustomerService customerService,
        IStoreContext storeContext,
        IWorkContext workContext,
        LoyaltyCustomerModelFactory modelFactory,
        RewardPointsSettings rewardPointsSettings)
    {
        _customerService = customerService;
        _storeContext = storeContext;
        _workContext = workContext;
        _modelFactory = modelFactory;
        _rewardPointsSettings = rewardPointsSettings;
    }

    /// <param name="pageNumber">The history page, from 1.</param>
    public async Task<IActionResult> MyPoints(int? pageNumber)
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return Challenge();

        // As nopCommerce's own page: without reward points there is nothing to spend.
        if (!_rewardPointsSettings.Enabled)
            return RedirectToRoute(NopRouteNames.General.CUSTOMER_INFO);

        var store = await _storeContext.GetCurrentStoreAsync();
        var model = await _modelFactory.PrepareCustomerPageModelAsync(customer, store.Id, pageNumber);

        return View(LoyaltyUiDefaults.ViewsPath + "Customer/MyPoints.cshtml", model);
    }

    /// <summary>The page's former address (links in sent emails, bookmarks).</summary>
    public IActionResult FormerAddress() => RedirectToRoutePermanent(NopRouteNames.Standard.CUSTOMER_REWARD_POINTS);
}
