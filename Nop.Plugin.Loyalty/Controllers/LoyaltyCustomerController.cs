using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Customers;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>The customer's "My points" page (/customer/mypoints).</summary>
/// <remarks>The same filters as the store's public pages (the plugin compiles against Nop.Web.Framework only).</remarks>
[WwwRequirement]
[CheckLanguageSeoCode]
[CheckAccessPublicStore]
[CheckAccessClosedStore]
[CheckDiscountCoupon]
[CheckAffiliate]
[AutoValidateAntiforgeryToken]
public class LoyaltyCustomerController : BasePluginController
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

    public async Task<IActionResult> MyPoints()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (!await _customerService.IsRegisteredAsync(customer))
            return Challenge();

        var store = await _storeContext.GetCurrentStoreAsync();
        var model = await _modelFactory.PrepareMyPointsModelAsync(customer, store.Id);
        model.ShowRewardPointsLink = _rewardPointsSettings.Enabled;

        return View(LoyaltyUiDefaults.ViewsPath + "Customer/MyPoints.cshtml", model);
    }
}
