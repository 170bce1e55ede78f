using Nop.Core.Domain.Customers;
using Nop.Services.Security;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>The plugin's permission; nopCommerce installs it (and maps it to Administrators) when the plugin is installed.</summary>
public class LoyaltyPermissionConfigManager : IPermissionConfigManager
{
    public IList<PermissionConfig> AllConfigs => new List<PermissionConfig>
    {
        new("Admin area. Manage loyalty", LoyaltyDefaults.ManageLoyaltyPermission, "Promotions", NopCustomerDefaults.AdministratorsRoleName),
        new("Admin area. Redeem coupons in store", LoyaltyDefaults.RedeemCouponsPermission, "Promotions", NopCustomerDefaults.AdministratorsRoleName)
    };
}
