using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Customers;
using Nop.Web.Controllers;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>The customer's "My points" page (/customer/mypoints), a public page like the store's own.</summary>
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
