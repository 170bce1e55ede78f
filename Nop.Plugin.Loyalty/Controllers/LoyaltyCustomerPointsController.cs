using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Components;
using Nop.Plugin.Loyalty.Models;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>The points card of the admin customer page, read again after nopCommerce adds points on that page by Ajax.</summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class LoyaltyCustomerPointsController : BasePluginController
{
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult Card(int customerId) =>
        ViewComponent(typeof(AdminCustomerPointsViewComponent), new { widgetZone = string.Empty, additionalData = customerId });
}
