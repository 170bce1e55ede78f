using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Models;
using Nop.Services.Security;
using Nop.Web.Areas.Admin.Models.Messages;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Loyalty.Components;

/// <summary>
/// "Tag the recipients" on the admin campaign edit page (widget zone AdminWidgetZones.CampaignDetailsButtons;
/// additionalData is the page's CampaignModel). A link, not a form: the zone sits inside the campaign's own form.
/// </summary>
public class CampaignTagButtonViewComponent : NopViewComponent
{
    private readonly IPermissionService _permissionService;

    public CampaignTagButtonViewComponent(IPermissionService permissionService)
    {
        _permissionService = permissionService;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        //a campaign being created has no recipients to tag yet
        if (additionalData is not CampaignModel { Id: > 0 } campaign)
            return Content(string.Empty);

        if (!await _permissionService.AuthorizeAsync(LoyaltyUiDefaults.ManageLoyaltyPermission)
            || !await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE))
            return Content(string.Empty);

        return View(LoyaltyUiDefaults.ViewsPath + "Tags/Reports/_CampaignTagButton.cshtml", campaign.Id);
    }
}
