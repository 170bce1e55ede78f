using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Loyalty.Models;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Infrastructure;

namespace Nop.Plugin.Loyalty.Infrastructure;

/// <summary>
/// Routes of the plugin's pages; the other admin pages use the admin area's default route (/Admin/SpecialPoints/...).
/// The customer's points page takes over nopCommerce's reward points addresses (registered first, see
/// <see cref="Priority"/>), so nopCommerce's "Reward points" link leads to it.
/// </summary>
public class RouteProvider : BaseRouteProvider, IRouteProvider
{
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.ConfigurationRouteName,
            pattern: "Admin/Loyalty/Configure",
            defaults: new { controller = "Loyalty", action = "Configure", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.TagBulkRouteName,
            pattern: "Admin/MemberTags/Bulk",
            defaults: new { controller = "TagBulk", action = "Index", area = AreaNames.ADMIN });

        var lang = GetLanguageRoutePattern();

        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.MyPointsRouteName,
            pattern: $"{lang}/rewardpoints/history",
            defaults: new { controller = "LoyaltyCustomer", action = "MyPoints" });

        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.MyPointsPagedRouteName,
            pattern: $"{lang}/rewardpoints/history/page/{{pageNumber:min(0)}}",
            defaults: new { controller = "LoyaltyCustomer", action = "MyPoints" });

        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.MyPointsFormerRouteName,
            pattern: $"{lang}/customer/mypoints",
            defaults: new { controller = "LoyaltyCustomer", action = "FormerAddress" });

        //coupons: the customer's wallet, a shared link's claim, the in-store QR link staff open
        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.WalletRouteName,
            pattern: $"{lang}/customer/coupons",
            defaults: new { controller = "CouponWallet", action = "Wallet" });
        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.WalletCopyRouteName,
            pattern: $"{lang}/customer/coupons/{{copyId:min(1)}}/{{action=Copy}}",
            defaults: new { controller = "CouponWallet" });
        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.CouponClaimRouteName,
            pattern: $"{lang}/coupons/claim/{{token}}",
            defaults: new { controller = "CouponClaim", action = "Claim" });
        endpointRouteBuilder.MapControllerRoute(name: LoyaltyUiDefaults.CouponRedeemRouteName,
            pattern: $"{lang}/coupons/use/{{token}}",
            defaults: new { controller = "CouponRedeem", action = "Redeem" });

        //member tag reports and newsletter tagging, beside the tag admin's /Admin/MemberTags pages
        (string Pattern, string Action)[] tagReportPages =
        [
            ("Admin/MemberTags/Orders", "Orders"),
            ("Admin/MemberTags/Orders/List", "OrderList"),
            ("Admin/MemberTags/Orders/Export", "ExportOrders"),
            ("Admin/MemberTags/Sales", "Sales"),
            ("Admin/MemberTags/Sales/Export", "ExportSales"),
            ("Admin/MemberTags/Campaign/{id:min(1)}", "Campaign")
        ];
        foreach (var (pattern, action) in tagReportPages)
        {
            endpointRouteBuilder.MapControllerRoute(name: $"{LoyaltyUiDefaults.TagReportsRoutePrefix}{action}", pattern: pattern,
                defaults: new { controller = "TagReport", action, area = AreaNames.ADMIN });
        }

        //sending a coupon and its history, beside the coupon admin's /Admin/Coupons pages
        (string Pattern, string Controller, string Action)[] couponPages =
        [
            ("Admin/Coupons/Distribute/{couponId:min(1)}", "CouponDistribution", "Distribute"),
            ("Admin/Coupons/Distribution/{id:min(1)}", "CouponDistribution", "Progress"),
            ("Admin/Coupons/History/{couponId:min(1)}", "CouponHistory", "History"),
            ("Admin/Coupons/History/{couponId:min(1)}/Export", "CouponHistory", "ExportRecipients"),
            ("Admin/Coupons/Uses", "CouponHistory", "Uses"),
            ("Admin/Coupons/Uses/Export", "CouponHistory", "ExportUses"),
            ("Admin/Coupons/Sharers", "CouponHistory", "Sharers"),
            ("Admin/Coupons/Sharers/Export", "CouponHistory", "ExportSharers")
        ];
        foreach (var (pattern, controller, action) in couponPages)
        {
            endpointRouteBuilder.MapControllerRoute(name: $"{LoyaltyUiDefaults.CouponHistoryRoutePrefix}{controller}.{action}", pattern: pattern,
                defaults: new { controller, action, area = AreaNames.ADMIN });
        }
    }

    /// <summary>Above nopCommerce's own routes (0), so the same addresses reach the plugin's page first.</summary>
    public int Priority => 1;
}
