using Nop.Plugin.Loyalty.Models;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Loyalty.Services.Admin;

/// <summary>
/// Adds Promotions &gt; Loyalty &gt; Special points, Segments, Coupons and Settings, and Customers &gt; Member tags and the tag reports, to the admin menu.
/// The items carry the "Manage loyalty" permission (the reports also "Orders > View"), so the menu shows them only to admins who have it.
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
        var reportPermissions = new List<string> { LoyaltyUiDefaults.ManageLoyaltyPermission, Nop.Services.Security.StandardPermission.Orders.ORDERS_VIEW };

        // Customers > Member tags and the tag reports, beside nopCommerce's customer roles that tags are made of.
        var customers = eventMessage.RootMenuItem.GetItemBySystemName(MemberTagsParentMenuSystemName);
        if (customers != null)
        {
            await AddItemsAsync(eventMessage, customers, permissions,
                (MemberTagsMenuSystemName, "Plugins.Misc.Loyalty.Tags.Menu", "MemberTag", "List"));
            await AddItemsAsync(eventMessage, customers, reportPermissions,
                (LoyaltyUiDefaults.TagOrdersMenuSystemName, "Plugins.Misc.Loyalty.Tags.Reports.Menu.Orders", "TagReport", "Orders"),
                (LoyaltyUiDefaults.TagSalesMenuSystemName, "Plugins.Misc.Loyalty.Tags.Reports.Menu.Sales", "TagReport", "Sales"));
        }

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

        await AddItemsAsync(eventMessage, loyalty, permissions,
            (LoyaltyUiDefaults.SpecialPointsMenuSystemName, "Plugins.Misc.Loyalty.Menu.SpecialPoints", "SpecialPoints", "List"),
            (LoyaltyDefaults.SegmentsMenuSystemName, "Plugins.Misc.Loyalty.Menu.Segments", "Segment", "List"),
            (LoyaltyDefaults.CouponsMenuSystemName, "Plugins.Misc.Loyalty.Coupons.Admin.Menu", "Coupon", "List"),
            (LoyaltyUiDefaults.SettingsMenuSystemName, "Plugins.Misc.Loyalty.Menu.Settings", "Loyalty", "Configure"),
            (LoyaltyUiDefaults.CouponUsesMenuSystemName, "Plugins.Misc.Loyalty.Coupons.History.Menu.Uses", "CouponHistory", "Uses"),
            (LoyaltyUiDefaults.CouponSharersMenuSystemName, "Plugins.Misc.Loyalty.Coupons.History.Menu.Sharers", "CouponHistory", "Sharers"));
    }

    /// <summary>Adds the items the parent does not hold yet (the event can be handled twice).</summary>
    private async Task AddItemsAsync(AdminMenuCreatedEvent eventMessage, AdminMenuItem parent, List<string> permissions,
        params (string SystemName, string Resource, string Controller, string Action)[] items)
    {
        foreach (var item in items.Where(item => !parent.ContainsSystemName(item.SystemName)))
        {
            parent.ChildNodes.Add(new AdminMenuItem
            {
                SystemName = item.SystemName,
                Title = await _localizationService.GetResourceAsync(item.Resource),
                Url = eventMessage.GetMenuItemUrl(item.Controller, item.Action),
                IconClass = "far fa-dot-circle",
                PermissionNames = permissions,
                Visible = true
            });
        }
    }
}
