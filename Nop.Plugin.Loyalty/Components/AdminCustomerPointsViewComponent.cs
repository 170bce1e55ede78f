using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Customers;
using Nop.Services.Security;
using Nop.Web.Areas.Admin.Models.Customers;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Loyalty.Components;

/// <summary>
/// The customer's points statement on the admin customer edit page
/// (widget zone AdminWidgetZones.CustomerDetailsBlock; additionalData is the page's CustomerModel), and alone for
/// <see cref="Controllers.LoyaltyCustomerPointsController"/>.
/// </summary>
public class AdminCustomerPointsViewComponent : NopViewComponent
{
    private readonly ICustomerService _customerService;
    private readonly IPermissionService _permissionService;
    private readonly IStoreContext _storeContext;
    private readonly LoyaltyCustomerModelFactory _modelFactory;

    public AdminCustomerPointsViewComponent(ICustomerService customerService,
        IPermissionService permissionService,
        IStoreContext storeContext,
        LoyaltyCustomerModelFactory modelFactory)
    {
        _customerService = customerService;
        _permissionService = permissionService;
        _storeContext = storeContext;
        _modelFactory = modelFactory;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        //the customer's id when the card is read again after an Ajax change
        var customerId = additionalData switch
        {
            CustomerModel customerModel => customerModel.Id,
            int id => id,
            _ => 0
        };
        if (customerId == 0 && int.TryParse(RouteData?.Values["id"]?.ToString(), out var routeId))
            customerId = routeId;
        if (customerId <= 0)
            return Content(string.Empty);

        if (!await _permissionService.AuthorizeAsync(LoyaltyUiDefaults.ManageLoyaltyPermission))
            return Content(string.Empty);

        var customer = await _customerService.GetCustomerByIdAsync(customerId);
        if (customer == null || customer.Deleted)
            return Content(string.Empty);

        var store = await _storeContext.GetCurrentStoreAsync();
        var model = await _modelFactory.PrepareMyPointsModelAsync(customer, store.Id, DateAudience.Admin);

        return View(LoyaltyUiDefaults.ViewsPath + "Components/AdminCustomerPoints.cshtml", model);
    }
}
