using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Customers;
using Nop.Services.Security;
using Nop.Web.Areas.Admin.Models.Customers;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Loyalty.Components;

/// <summary>
/// The customer's tags on the admin customer edit page (see, add, remove), and alone for
/// <see cref="Controllers.MemberTagController.CustomerCard"/> after an Ajax change.
/// </summary>
public class AdminCustomerTagsViewComponent : NopViewComponent
{
    private readonly ICustomerService _customerService;
    private readonly IPermissionService _permissionService;
    private readonly MemberTagModelFactory _modelFactory;

    public AdminCustomerTagsViewComponent(ICustomerService customerService,
        IPermissionService permissionService,
        MemberTagModelFactory modelFactory)
    {
        _customerService = customerService;
        _permissionService = permissionService;
        _modelFactory = modelFactory;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var customerId = additionalData switch
        {
            CustomerModel customerModel => customerModel.Id,
            int id => id,
            _ => 0
        };
        if (customerId == 0 && int.TryParse(RouteData?.Values["id"]?.ToString(), out var routeId))
            customerId = routeId;
        if (customerId <= 0 || !await _permissionService.AuthorizeAsync(LoyaltyUiDefaults.ManageLoyaltyPermission))
            return Content(string.Empty);

        var customer = await _customerService.GetCustomerByIdAsync(customerId);
        if (customer == null || customer.Deleted)
            return Content(string.Empty);

        return View(LoyaltyUiDefaults.ViewsPath + "Components/AdminCustomerTags.cshtml", await _modelFactory.PrepareCustomerTagsModelAsync(customerId));
    }
}
