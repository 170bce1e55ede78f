using Nop.Data.Mapping;
using Nop.Plugin.Loyalty.Domains;

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
        [typeof(MemberTagRun)] = TagRunTable
    };

    public Dictionary<(Type, string), string> ColumnName => new();
}
