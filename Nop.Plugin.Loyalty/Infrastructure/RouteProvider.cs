using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Loyalty.Models;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Infrastructure;

namespace Nop.Plugin.Loyalty.Infrastructure;

/// <summary>Routes of the plugin's pages; the other admin pages use the admin area's default route (/Admin/SpecialPoints/...).</summary>
public class RouteProvider : BaseRouteProvider, IRouteProvider
{
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.ConfigurationRouteName,
            pattern: "Admin/Loyalty/Configure",
            defaults: new { controller = "Loyalty", action = "Configure", area = AreaNames.ADMIN });

        var lang = GetLanguageRoutePattern();

        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.MyPointsRouteName,
            pattern: $"{lang}/customer/mypoints",
            defaults: new { controller = "LoyaltyCustomer", action = "MyPoints" });
    }

    public int Priority => 0;
}
