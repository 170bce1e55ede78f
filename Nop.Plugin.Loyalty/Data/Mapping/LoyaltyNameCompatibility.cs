using Nop.Data.Mapping;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Domains.Coupons;

namespace Nop.Plugin.Loyalty.Data.Mapping;

/// <summary>Table names of the plugin's entities.</summary>
public class LoyaltyNameCompatibility : INameCompatibility
{
    public const string GrantTable = "LoyaltySpecialGrant";
    public const string RecipientTable = "LoyaltySpecialGrantRecipient";
    public const string LotExpiryTable = "LoyaltyLotExpiry";
    public const string SegmentTable = "LoyaltySegment";
    public const string PurchaseLineTable = "LoyaltyPurchaseLine";
    public const string UploadedListTable = "LoyaltyUploadedList";
    public const string TagTable = "LoyaltyMemberTag";
    public const string TagGroupTable = "LoyaltyMemberTagGroup";
    public const string TagRunTable = "LoyaltyMemberTagRun";
    public const string CouponTable = "LoyaltyCoupon";
    public const string CouponDistributionTable = "LoyaltyCouponDistribution";
    public const string CouponCopyTable = "LoyaltyCouponCopy";
    public const string CouponShareTable = "LoyaltyCouponShare";
    public const string CouponUseTable = "LoyaltyCouponUse";
    public const string CouponReferralTable = "LoyaltyCouponReferral";

    public Dictionary<Type, string> TableNames => new()
    {
        [typeof(SpecialGrant)] = GrantTable,
        [typeof(SpecialGrantRecipient)] = RecipientTable,
        [typeof(LotExpiry)] = LotExpiryTable,
        [typeof(Segment)] = SegmentTable,
        [typeof(PurchaseLine)] = PurchaseLineTable,
        [typeof(UploadedCustomerList)] = UploadedListTable,
        [typeof(MemberTag)] = TagTable,
        [typeof(MemberTagGroup)] = TagGroupTable,
        [typeof(MemberTagRun)] = TagRunTable,
        [typeof(Coupon)] = CouponTable,
        [typeof(CouponDistribution)] = CouponDistributionTable,
        [typeof(CouponCopy)] = CouponCopyTable,
        [typeof(CouponShare)] = CouponShareTable,
        [typeof(CouponUse)] = CouponUseTable,
        [typeof(CouponReferral)] = CouponReferralTable
    };

    public Dictionary<(Type, string), string> ColumnName => new();
}
