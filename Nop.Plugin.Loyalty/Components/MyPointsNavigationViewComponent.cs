using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Customers;
using Nop.Web.Framework.Components;
using Nop.Web.Models.Customer;

namespace Nop.Plugin.Loyalty.Components;

/// <summary>
/// The "My points" item of the customer account navigation
/// (widget zone PublicWidgetZones.AccountNavigationAfter).
/// </summary>
public class MyPointsNavigationViewComponent : NopViewComponent
{
    private readonly ICustomerService _customerService;
    private readonly IWorkContext _workContext;
    private readonly LoyaltySettings _loyaltySettings;

    public MyPointsNavigationViewComponent(ICustomerService customerService,
        IWorkContext workContext,
        LoyaltySettings loyaltySettings)
    {
        _customerService = customerService;
        _workContext = workContext;
        _loyaltySettings = loyaltySettings;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!_loyaltySettings.ShowAccountWidget)
            return Content(string.Empty);

        if (!await _customerService.IsRegisteredAsync(await _workContext.GetCurrentCustomerAsync()))
            return Content(string.Empty);

        var selectedTab = (additionalData as CustomerNavigationModel)?.SelectedTab ?? 0;

        return View(LoyaltyUiDefaults.ViewsPath + "Components/MyPointsNavigation.cshtml", selectedTab);
    }
}
