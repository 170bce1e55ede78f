using Nop.Plugin.Loyalty.Models;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Loyalty.Services.Admin;

/// <summary>
/// Adds Promotions &gt; Loyalty &gt; Special points, Segments and Settings, and Customers &gt; Member tags, to the admin menu.
/// The items carry the "Manage loyalty" permission, so the menu shows them only to admins who have it.
/// </summary>
public class AdminMenuEventConsumer : IConsumer<AdminMenuCreatedEvent>
{
    private readonly ILocalizationService _localizationService;
    private readonly IPluginManager<IPlugin> _pluginManager;

    /// <summary>nopCommerce's "Customers" menu node, and the member tags item under it.</summary>
    public const string MemberTagsParentMenuSystemName = "Customers";
    public const string MemberTagsMenuSystemName = "Loyalty.MemberTags";

    public AdminMenuEventConsumer(ILocalizationService localizationService, IPluginManager<IPlugin> pluginManager)
    {
        _localizationService = localizationService;
        _pluginManager = pluginManager;
    }

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        //returns only fully installed plugins: the event can come before the installation is complete
        var plugin = await _pluginManager.LoadPluginBySystemNameAsync(LoyaltyUiDefaults.SystemName);
        if (plugin == null)
            return;

        var permissions = new List<string> { LoyaltyUiDefaults.ManageLoyaltyPermission };

        // Customers > Member tags, beside nopCommerce's customer roles that tags are made of.
        var customers = eventMessage.RootMenuItem.GetItemBySystemName(MemberTagsParentMenuSystemName);
        if (customers != null && !customers.ContainsSystemName(MemberTagsMenuSystemName))
            customers.ChildNodes.Add(new AdminMenuItem
            {
                SystemName = MemberTagsMenuSystemName,
                Title = await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Tags.Menu"),
                Url = eventMessage.GetMenuItemUrl("MemberTag", "List"),
                IconClass = "far fa-dot-circle",
                PermissionNames = permissions,
                Visible = true
            });

        var promotions = eventMessage.RootMenuItem.GetItemBySystemName("Promotions");
        if (promotions == null)
            return;

        var loyalty = promotions.GetItemBySystemName(LoyaltyUiDefaults.LoyaltyMenuSystemName);
        if (loyalty == null)
        {
            loyalty = new AdminMenuItem
            {
                SystemName = LoyaltyUiDefaults.LoyaltyMenuSystemName,
                Title = await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Menu.Loyalty"),
                IconClass = "far fa-star",
                Visible = true
            };
            promotions.ChildNodes.Add(loyalty);
        }

        (string SystemName, string Resource, string Controller, string Action)[] pages =
        [
            (LoyaltyUiDefaults.SpecialPointsMenuSystemName, "Plugins.Misc.Loyalty.Menu.SpecialPoints", "SpecialPoints", "List"),
            (LoyaltyDefaults.SegmentsMenuSystemName, "Plugins.Misc.Loyalty.Menu.Segments", "Segment", "List"),
            (LoyaltyDefaults.CouponsMenuSystemName, "Plugins.Misc.Loyalty.Coupons.Admin.Menu", "Coupon", "List"),
            (LoyaltyUiDefaults.SettingsMenuSystemName, "Plugins.Misc.Loyalty.Menu.Settings", "Loyalty", "Configure"),
            (LoyaltyUiDefaults.CouponUsesMenuSystemName, "Plugins.Misc.Loyalty.Coupons.History.Menu.Uses", "CouponHistory", "Uses"),
            (LoyaltyUiDefaults.CouponSharersMenuSystemName, "Plugins.Misc.Loyalty.Coupons.History.Menu.Sharers", "CouponHistory", "Sharers"),
        ];
        foreach (var page in pages.Where(page => !loyalty.ContainsSystemName(page.SystemName)))
        {
            loyalty.ChildNodes.Add(new AdminMenuItem
            {
                SystemName = page.SystemName,
                Title = await _localizationService.GetResourceAsync(page.Resource),
                Url = eventMessage.GetMenuItemUrl(page.Controller, page.Action),
                IconClass = "far fa-dot-circle",
                PermissionNames = permissions,
                Visible = true
            });
        }

        await AddTagReportsAsync(eventMessage);
    }

    /// <summary>Customers &gt; Orders by tag and Sales by tag, beside the tag admin's "Member tags" item.</summary>
    private async Task AddTagReportsAsync(AdminMenuCreatedEvent eventMessage)
    {
        var customers = eventMessage.RootMenuItem.GetItemBySystemName("Customers");
        if (customers == null)
            return;

        var permissions = new List<string> { LoyaltyUiDefaults.ManageLoyaltyPermission, Nop.Services.Security.StandardPermission.Orders.ORDERS_VIEW };
        (string SystemName, string Resource, string Action)[] reports =
        [
            (LoyaltyUiDefaults.TagOrdersMenuSystemName, "Plugins.Misc.Loyalty.Tags.Reports.Menu.Orders", "Orders"),
            (LoyaltyUiDefaults.TagSalesMenuSystemName, "Plugins.Misc.Loyalty.Tags.Reports.Menu.Sales", "Sales")
        ];
        foreach (var report in reports.Where(report => !customers.ContainsSystemName(report.SystemName)))
        {
            customers.ChildNodes.Add(new AdminMenuItem
            {
                SystemName = report.SystemName,
                Title = await _localizationService.GetResourceAsync(report.Resource),
                Url = eventMessage.GetMenuItemUrl("TagReport", report.Action),
                IconClass = "far fa-dot-circle",
                PermissionNames = permissions,
                Visible = true
            });
        }
    }
}
