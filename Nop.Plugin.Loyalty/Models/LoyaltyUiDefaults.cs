namespace Nop.Plugin.Loyalty.Models;

/// <summary>Names the plugin's pages use: routes, views, menu items, the customer navigation tab.</summary>
public static class LoyaltyUiDefaults
{
    /// <summary>The "Manage loyalty" permission .</summary>
    public const string ManageLoyaltyPermission = LoyaltyDefaults.ManageLoyaltyPermission;

    /// <summary>The plugin's system name.</summary>
    public const string SystemName = LoyaltyDefaults.SystemName;

    public const string ConfigurationRouteName = LoyaltyDefaults.ConfigurationRouteName;
    public const string MyPointsRouteName = LoyaltyDefaults.MyPointsRouteName;
    public const string MyPointsPagedRouteName = LoyaltyDefaults.MyPointsRouteName + ".Paged";
    public const string MyPointsFormerRouteName = LoyaltyDefaults.MyPointsRouteName + ".Former";

    /// <summary>Admin menu: the "Loyalty" node under Promotions and its items.</summary>
    public const string LoyaltyMenuSystemName = "Loyalty";
    public const string SpecialPointsMenuSystemName = "Loyalty.SpecialPoints";
    public const string SettingsMenuSystemName = "Loyalty.Settings";

    /// <summary>Admin menu: the tag report items under Customers &gt; Member tags, and their routes' name prefix.</summary>
    public const string TagOrdersMenuSystemName = "Loyalty.MemberTags.Orders";
    public const string TagSalesMenuSystemName = "Loyalty.MemberTags.Sales";
    public const string TagReportsRoutePrefix = "Plugin.Misc.Loyalty.TagReports.";

    /// <summary>Where the views are deployed.</summary>
    public const string ViewsPath = "~/Plugins/Misc.Loyalty/Views/";

    /// <summary>Resource key prefix.</summary>
    public const string ResourcePrefix = "Plugins.Misc.Loyalty.";

    /// <summary>Tagging from conditions, /Admin/MemberTags/Bulk.</summary>
    public const string TagBulkRouteName = "Plugin.Misc.Loyalty.TagBulk";

    /// <summary>Customer coupon pages: the wallet, a copy, the claim of a shared link, the in-store QR link.</summary>
    public const string WalletRouteName = "Plugin.Misc.Loyalty.Coupons.Wallet";
    public const string WalletCopyRouteName = "Plugin.Misc.Loyalty.Coupons.Wallet.Copy";
    public const string CouponClaimRouteName = "Plugin.Misc.Loyalty.Coupons.Claim";
    public const string CouponRedeemRouteName = "Plugin.Misc.Loyalty.Coupons.Redeem";

    /// <summary>The "My coupons" entry's tab in the account navigation: clear of nopCommerce's own (0-150).</summary>
    public const int CouponsNavigationTab = 1060;

    /// <summary>Admin menu: the coupon history items under Promotions &gt; Loyalty, and the routes' name prefix of the coupon distribution and history pages.</summary>
    public const string CouponUsesMenuSystemName = "Loyalty.Coupons.Uses";
    public const string CouponSharersMenuSystemName = "Loyalty.Coupons.Sharers";
    public const string CouponHistoryRoutePrefix = "Plugin.Misc.Loyalty.CouponHistory.";
}
