namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>The tables the loyalty queries read whose indexes the plugin creates.</summary>
public enum IndexedTable
{
    /// <summary>nopCommerce's RewardPointsHistory.</summary>
    Ledger,
    /// <summary>nopCommerce's Order.</summary>
    Orders,
    /// <summary>nopCommerce's OrderItem.</summary>
    OrderItems,
    GrantRecipients,
    LotExpiries,
    PurchaseLines,
    /// <summary>LoyaltyCouponCopy: customers' coupon copies.</summary>
    CouponCopies,
    /// <summary>LoyaltyCouponShare.</summary>
    CouponShares,
    /// <summary>LoyaltyCouponUse.</summary>
    CouponUses,
    /// <summary>LoyaltyCouponReferral.</summary>
    CouponReferrals,
    /// <summary>nopCommerce's Customer_CustomerRole_Mapping (member tags' memberships).</summary>
    CustomerRoleMappings
}

/// <summary>One index a loyalty query needs; columns are named as the engine rows name them (nopCommerce's property names).</summary>
public sealed record LoyaltyIndex(string Name, IndexedTable Table, IReadOnlyList<string> Columns, bool Unique = false);

/// <summary>
/// Every index the engine's queries need, declared once: the plugin's migrations and the test schema create exactly
/// these, and the benchmarks measure with nothing else.
/// </summary>
public static class LoyaltyIndexes
{
    /// <summary>Latest-balance reads seek (CustomerId, CreatedOnUtc, Id): a customer's latest activation, then the highest id there.</summary>
    public static readonly LoyaltyIndex LedgerByCustomer = new("IX_Loyalty_RewardPointsHistory_CustomerId_CreatedOnUtc_Id", IndexedTable.Ledger,
        ["CustomerId", "CreatedOnUtc", "Id"]);

    /// <summary>The expiry task finds due lots by their end date.</summary>
    public static readonly LoyaltyIndex LedgerByEndDate = new("IX_Loyalty_RewardPointsHistory_EndDateUtc", IndexedTable.Ledger, ["EndDateUtc"]);

    /// <summary>Unique: a concurrent duplicate run fails and rolls back instead of granting anyone twice.</summary>
    public static readonly LoyaltyIndex RecipientByGrant = new("IX_Loyalty_Recipient_GrantId_CustomerId", IndexedTable.GrantRecipients,
        ["GrantId", "CustomerId"], Unique: true);

    public static readonly LoyaltyIndex RecipientByLot = new("IX_Loyalty_Recipient_LedgerEntryId", IndexedTable.GrantRecipients, ["LedgerEntryId"]);

    public static readonly LoyaltyIndex ExpiryByLot = new("IX_Loyalty_LotExpiry_LotEntryId", IndexedTable.LotExpiries, ["LotEntryId"]);

    /// <summary>
    /// Order conditions read a customer's orders by (CustomerId, CreatedOnUtc) and filter status, deletion and total; as
    /// trailing key columns (not INCLUDE, which MySQL lacks) the index covers them on every database.
    /// </summary>
    public static readonly LoyaltyIndex OrderByCustomer = new("IX_Loyalty_Order_CustomerId_CreatedOnUtc", IndexedTable.Orders,
        ["CustomerId", "CreatedOnUtc", "OrderStatusId", "Deleted", "OrderTotal"]);

    /// <summary>Purchase conditions go from products to their order lines (and spend sums PriceInclTax).</summary>
    public static readonly LoyaltyIndex OrderItemByProduct = new("IX_Loyalty_OrderItem_ProductId", IndexedTable.OrderItems,
        ["ProductId", "OrderId", "PriceInclTax"]);

    /// <summary>"Bought X" by product; every column a purchase condition reads is in the key, so the index alone answers.</summary>
    public static readonly LoyaltyIndex PurchaseByProduct = new("IX_Loyalty_PurchaseLine_Product", IndexedTable.PurchaseLines,
        ["ProductId", "CustomerId", "CreatedOnUtc", "OrderStatusId", "Deleted", "PriceInclTax", "StoreId"]);

    /// <summary>The same conditions under Any or Not, by customer.</summary>
    public static readonly LoyaltyIndex PurchaseByCustomer = new("IX_Loyalty_PurchaseLine_Customer", IndexedTable.PurchaseLines,
        ["CustomerId", "ProductId", "CreatedOnUtc", "OrderStatusId", "Deleted", "PriceInclTax", "StoreId"]);

    /// <summary>Refreshes by order; unique with the line, so a fill chunk and an event racing on one order cannot copy a line twice.</summary>
    public static readonly LoyaltyIndex PurchaseByOrder = new("IX_Loyalty_PurchaseLine_Order", IndexedTable.PurchaseLines,
        ["OrderId", "OrderItemId"], Unique: true);

    /// <summary>The wallet and an order's redemption seek a customer's copies in end-date order (keyset on the end and the id).</summary>
    public static readonly LoyaltyIndex CopyByCustomer = new("IX_Loyalty_CouponCopy_Customer", IndexedTable.CouponCopies,
        ["CustomerId", "ValidUntilUtc", "Id"]);

    /// <summary>Unique: one copy per customer from each distribution or share, so a resumed run or a race of claims adds none twice.</summary>
    public static readonly LoyaltyIndex CopyBySource = new("IX_Loyalty_CouponCopy_Source", IndexedTable.CouponCopies,
        ["OriginId", "SourceId", "CustomerId"], Unique: true);

    /// <summary>The recipient history of one coupon.</summary>
    public static readonly LoyaltyIndex CopyByCoupon = new("IX_Loyalty_CouponCopy_Coupon", IndexedTable.CouponCopies, ["CouponId", "Id"]);

    /// <summary>Unique: a claim finds its share by the link's token.</summary>
    public static readonly LoyaltyIndex ShareByToken = new("IX_Loyalty_CouponShare_Token", IndexedTable.CouponShares, ["Token"], Unique: true);

    /// <summary>The sharers grid counts each customer's shares.</summary>
    public static readonly LoyaltyIndex ShareBySharer = new("IX_Loyalty_CouponShare_Sharer", IndexedTable.CouponShares, ["SharerCustomerId"]);

    /// <summary>A copy's uses (the history expanded).</summary>
    public static readonly LoyaltyIndex UseByCopy = new("IX_Loyalty_CouponUse_Copy", IndexedTable.CouponUses, ["CopyId"]);

    /// <summary>An order's uses, for a repeated order event and a cancellation.</summary>
    public static readonly LoyaltyIndex UseByOrder = new("IX_Loyalty_CouponUse_Order", IndexedTable.CouponUses, ["OrderId"]);

    /// <summary>The use history filtered by place (a staff member).</summary>
    public static readonly LoyaltyIndex UseByPlace = new("IX_Loyalty_CouponUse_Place", IndexedTable.CouponUses, ["PlaceCustomerId", "Id"]);

    /// <summary>Unique: a customer is referred once.</summary>
    public static readonly LoyaltyIndex ReferralByReferred = new("IX_Loyalty_CouponReferral_Referred", IndexedTable.CouponReferrals,
        ["ReferredCustomerId"], Unique: true);

    /// <summary>The sharers grid counts each customer's referrals.</summary>
    public static readonly LoyaltyIndex ReferralBySharer = new("IX_Loyalty_CouponReferral_Sharer", IndexedTable.CouponReferrals, ["SharerCustomerId"]);

    /// <summary>
    /// A tag's members by role: nopCommerce keys the mapping by (customer, role), which serves one customer's roles but
    /// not one role's customers, as recomputing a tag and "has tag" under Any or Not read them.
    /// </summary>
    public static readonly LoyaltyIndex MappingByRole = new("IX_Loyalty_CustomerRoleMapping_Role_Customer", IndexedTable.CustomerRoleMappings,
        ["CustomerRoleId", "CustomerId"]);

    public static readonly IReadOnlyList<LoyaltyIndex> All =
    [
        LedgerByCustomer, LedgerByEndDate, RecipientByGrant, RecipientByLot, ExpiryByLot,
        OrderByCustomer, OrderItemByProduct, PurchaseByProduct, PurchaseByCustomer, PurchaseByOrder,
        CopyByCustomer, CopyBySource, CopyByCoupon, ShareByToken, ShareBySharer, UseByCopy, UseByOrder, UseByPlace,
        ReferralByReferred, ReferralBySharer,
        MappingByRole
    ];

    /// <summary>The indexes on one table.</summary>
    public static IEnumerable<LoyaltyIndex> On(IndexedTable table) => All.Where(i => i.Table == table);
}
