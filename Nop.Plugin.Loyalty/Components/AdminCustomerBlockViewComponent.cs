using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Models;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Loyalty.Components;

/// <summary>
/// The plugin's cards on the admin customer page: a widget plugin gives one component per zone, so this one renders the
/// points card and the tags card in turn.
/// </summary>
public class AdminCustomerBlockViewComponent : NopViewComponent
{
    public IViewComponentResult Invoke(string widgetZone, object additionalData) =>
        View(LoyaltyUiDefaults.ViewsPath + "Components/AdminCustomerBlock.cshtml", new AdminCustomerBlockModel(widgetZone, additionalData));
}

/// <summary>What the customer page gave the widget zone, passed on to each card.</summary>
public record AdminCustomerBlockModel(string WidgetZone, object AdditionalData);
