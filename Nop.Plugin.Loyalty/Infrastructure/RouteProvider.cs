using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Loyalty.Models;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Core.Domain.Localization;
using Nop.Core.Infrastructure;
using Nop.Data;

namespace Nop.Plugin.Loyalty.Infrastructure;

/// <summary>Routes of the plugin's pages; the other admin pages use the admin area's default route (/Admin/SpecialPoints/...).</summary>
public class RouteProvider : IRouteProvider
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

    /// <summary>
    /// The language segment of public routes: a "lang" route value when SEO friendly URLs for languages are on,
    /// nothing otherwise (as the store's own routes).
    /// </summary>
    private static string GetLanguageRoutePattern()
    {
        if (!DataSettingsManager.IsDatabaseInstalled())
            return string.Empty;

        var settings = EngineContext.Current.Resolve<LocalizationSettings>();
        return settings.SeoFriendlyUrlsForLanguagesEnabled
            ? $"{{{NopRoutingDefaults.RouteValue.Language}:maxlength(2):{NopRoutingDefaults.LanguageParameterTransformer}=}}"
            : string.Empty;
    }
}
