using LinqToDB.Mapping;

namespace Nop.Plugin.Loyalty.Testing.Schema;

// The plugin's own tables, as its migration creates them.

[Table("LoyaltySpecialGrant")]
public sealed class LoyaltySpecialGrant
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column(Length = 200), NotNull] public string Name { get; set; } = "";
    [Column, NotNull] public int Points { get; set; }
    [Column, NotNull] public DateTime ExpiresOnUtc { get; set; }
    [Column, Nullable] public DateTime? ActivatesOnUtc { get; set; }
    [Column, NotNull] public int StoreId { get; set; }
    [Column(Length = int.MaxValue), NotNull] public string TargetJson { get; set; } = "";
    [Column, NotNull] public int StatusId { get; set; }
    [Column, NotNull] public int PlannedRecipientCount { get; set; }
    [Column, NotNull] public int GrantedCount { get; set; }
    [Column, NotNull] public int RevokedCount { get; set; }
    [Column, NotNull] public int PurgedCount { get; set; }
    [Column, NotNull] public int LastCustomerId { get; set; }
    [Column, NotNull] public bool NotifyCustomers { get; set; }
    [Column(Length = int.MaxValue), Nullable] public string? LastError { get; set; }
    [Column, NotNull] public int CreatedByCustomerId { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column, Nullable] public DateTime? StartedOnUtc { get; set; }
    [Column, Nullable] public DateTime? CompletedOnUtc { get; set; }
    [Column, Nullable] public DateTime? LastProgressOnUtc { get; set; }
    [Column(Length = 100), Nullable] public string? Runner { get; set; }
    [Column, Nullable] public DateTime? LeaseUntilUtc { get; set; }
}

[Table("LoyaltySpecialGrantRecipient")]
public sealed class LoyaltySpecialGrantRecipient
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int GrantId { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public int LedgerEntryId { get; set; }
    [Column, Nullable] public DateTime? RevokedOnUtc { get; set; }
    [Column, NotNull] public int RevokedPoints { get; set; }
    [Column, Nullable] public DateTime? PurgedOnUtc { get; set; }
}

[Table("LoyaltyLotExpiry")]
public sealed class LoyaltyLotExpiry
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public int LotEntryId { get; set; }
    [Column, Nullable] public int? ExpiryEntryId { get; set; }
    [Column, NotNull] public int ExpiredPoints { get; set; }
    [Column, NotNull] public DateTime ExpiredOnUtc { get; set; }
}

[Table("LoyaltyPurchaseLine")]
public sealed class LoyaltyPurchaseLine
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int OrderItemId { get; set; }
    [Column, NotNull] public int OrderId { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public int StoreId { get; set; }
    [Column, NotNull] public int ProductId { get; set; }
    [Column, NotNull] public int OrderStatusId { get; set; }
    [Column, NotNull] public bool Deleted { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column(Precision = 18, Scale = 4), NotNull] public decimal PriceInclTax { get; set; }
}

// Shareable coupons (issue #10). The plugin's migration creates the same tables, names and columns.

/// <summary>A coupon definition.</summary>
[Table("LoyaltyCoupon")]
public sealed class LoyaltyCoupon
{
    [PrimaryKey, Identity] public int Id { get; set; }
    /// <summary>Shown to customers.</summary>
    [Column(Length = 200), NotNull] public string Title { get; set; } = "";
    /// <summary>The benefit as customers read it; the linked discount computes the amount.</summary>
    [Column(Length = int.MaxValue), Nullable] public string? BenefitText { get; set; }
    /// <summary>nopCommerce Picture id of the image; 0 for none.</summary>
    [Column, NotNull] public int PictureId { get; set; }
    /// <summary>Usage guide, sanitized HTML.</summary>
    [Column(Length = int.MaxValue), Nullable] public string? UsageGuideHtml { get; set; }
    /// <summary>Period coupons: first valid instant (UTC); null = from receipt.</summary>
    [Column, Nullable] public DateTime? ValidFromUtc { get; set; }
    /// <summary>Period coupons: the end for every copy (UTC, exclusive); null for a days coupon.</summary>
    [Column, Nullable] public DateTime? ValidUntilUtc { get; set; }
    /// <summary>Days coupons: days from receipt, the day received counting; null for a period coupon.</summary>
    [Column, Nullable] public int? ValidDays { get; set; }
    /// <summary>Uses each copy starts with.</summary>
    [Column, NotNull] public int Uses { get; set; }
    /// <summary>SharingMode: 0 not shareable, 1 shareable, 2 share only.</summary>
    [Column, NotNull] public int SharingModeId { get; set; }
    /// <summary>A copy with no use left can still be shared (until it expires).</summary>
    [Column, NotNull] public bool UsedUpShareable { get; set; }
    /// <summary>nopCommerce Discount id an order applies to use a copy; null = in store only.</summary>
    [Column, Nullable] public int? DiscountId { get; set; }
    [Column(Length = 100), Nullable] public string? Code { get; set; }
    /// <summary>Whether holders see the code.</summary>
    [Column, NotNull] public bool ShowCode { get; set; }
    /// <summary>Admin sort order.</summary>
    [Column, NotNull] public int DisplayOrder { get; set; }
    /// <summary>Withdrawn (soft-deleted): its history stays.</summary>
    [Column, NotNull] public bool Deleted { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
}

/// <summary>A run issuing a coupon to a target in chunks (like LoyaltySpecialGrant).</summary>
[Table("LoyaltyCouponDistribution")]
public sealed class LoyaltyCouponDistribution
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CouponId { get; set; }
    /// <summary>The GrantTarget as JSON.</summary>
    [Column(Length = int.MaxValue), NotNull] public string TargetJson { get; set; } = "";
    [Column, NotNull] public int StoreId { get; set; }
    /// <summary>DistributionStatus: 10 queued, 20 running, 30 completed, 40 failed.</summary>
    [Column, NotNull] public int StatusId { get; set; }
    /// <summary>Target count at confirmation (progress bar).</summary>
    [Column, NotNull] public int PlannedCount { get; set; }
    /// <summary>Copies issued so far (SQL increments per chunk).</summary>
    [Column, NotNull] public int IssuedCount { get; set; }
    /// <summary>Checkpoint: every targeted customer id up to this one is done.</summary>
    [Column, NotNull] public int LastCustomerId { get; set; }
    [Column, NotNull] public bool NotifyCustomers { get; set; }
    /// <summary>Notify newsletter subscribers only.</summary>
    [Column, NotNull] public bool NewsletterOnly { get; set; }
    [Column(Length = int.MaxValue), Nullable] public string? LastError { get; set; }
    [Column, NotNull] public int CreatedByCustomerId { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column, Nullable] public DateTime? StartedOnUtc { get; set; }
    [Column, Nullable] public DateTime? CompletedOnUtc { get; set; }
    [Column, Nullable] public DateTime? LastProgressOnUtc { get; set; }
    /// <summary>The process running it now; null when none.</summary>
    [Column(Length = 100), Nullable] public string? Runner { get; set; }
    /// <summary>Until when Runner holds it.</summary>
    [Column, Nullable] public DateTime? LeaseUntilUtc { get; set; }
}

/// <summary>A customer's copy of a coupon in their wallet.</summary>
[Table("LoyaltyCouponCopy")]
public sealed class LoyaltyCouponCopy
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CouponId { get; set; }
    /// <summary>The holder.</summary>
    [Column, NotNull] public int CustomerId { get; set; }
    /// <summary>CopyOrigin: 1 from the store (a distribution), 2 from a share.</summary>
    [Column, NotNull] public int OriginId { get; set; }
    /// <summary>The distribution id (origin 1) or share id (origin 2); unique with OriginId and CustomerId.</summary>
    [Column, NotNull] public int SourceId { get; set; }
    /// <summary>The sharer; null for a store copy.</summary>
    [Column, Nullable] public int? SharedByCustomerId { get; set; }
    [Column, NotNull] public DateTime ReceivedOnUtc { get; set; }
    [Column, NotNull] public DateTime ValidFromUtc { get; set; }
    /// <summary>First instant no longer valid.</summary>
    [Column, NotNull] public DateTime ValidUntilUtc { get; set; }
    /// <summary>Uses it started with.</summary>
    [Column, NotNull] public int UsesTotal { get; set; }
    /// <summary>Uses left; only ever changed by conditional UPDATEs, never below zero.</summary>
    [Column, NotNull] public int UsesLeft { get; set; }
    [Column, Nullable] public DateTime? FirstViewedOnUtc { get; set; }
    [Column, Nullable] public DateTime? LastUsedOnUtc { get; set; }
}

/// <summary>One share of a copy: a link (token) or an email to a registered customer.</summary>
[Table("LoyaltyCouponShare")]
public sealed class LoyaltyCouponShare
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CouponId { get; set; }
    /// <summary>The sharer's copy.</summary>
    [Column, NotNull] public int CopyId { get; set; }
    [Column, NotNull] public int SharerCustomerId { get; set; }
    /// <summary>Unguessable link token (64 lowercase hex digits); unique.</summary>
    [Column(Length = 64), NotNull] public string Token { get; set; } = "";
    /// <summary>ShareChannel: 1 link, 2 email.</summary>
    [Column, NotNull] public int ChannelId { get; set; }
    /// <summary>The email share's recipient; null for a link.</summary>
    [Column, Nullable] public int? RecipientCustomerId { get; set; }
    [Column, NotNull] public DateTime SharedOnUtc { get; set; }
    /// <summary>Link claimable until (the sharer's copy's end at share time).</summary>
    [Column, NotNull] public DateTime ExpiresOnUtc { get; set; }
}

/// <summary>One use of a copy: online (an order), in store (staff = place), or by the customer's own button.</summary>
[Table("LoyaltyCouponUse")]
public sealed class LoyaltyCouponUse
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CopyId { get; set; }
    [Column, NotNull] public int CouponId { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public DateTime UsedOnUtc { get; set; }
    /// <summary>UseKind: 1 online, 2 in store, 3 by the customer.</summary>
    [Column, NotNull] public int KindId { get; set; }
    [Column, Nullable] public int? OrderId { get; set; }
    /// <summary>Place: the staff member's (admin's) customer id; null online or by the customer.</summary>
    [Column, Nullable] public int? PlaceCustomerId { get; set; }
    /// <summary>Place: the staff member's name at the time.</summary>
    [Column(Length = 200), Nullable] public string? PlaceName { get; set; }
    /// <summary>Given back (order cancelled while the copy was valid); null while it counts.</summary>
    [Column, Nullable] public DateTime? ReturnedOnUtc { get; set; }
}

/// <summary>A referral credited to the first sharer whose link led to a customer's first registration.</summary>
[Table("LoyaltyCouponReferral")]
public sealed class LoyaltyCouponReferral
{
    [PrimaryKey, Identity] public int Id { get; set; }
    /// <summary>The newly registered customer; unique (referred once).</summary>
    [Column, NotNull] public int ReferredCustomerId { get; set; }
    [Column, NotNull] public int SharerCustomerId { get; set; }
    [Column, NotNull] public int ShareId { get; set; }
    [Column, NotNull] public DateTime CreditedOnUtc { get; set; }
}

[Table("LoyaltyMemberTag")]
public sealed class LoyaltyMemberTag
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CustomerRoleId { get; set; }
    [Column, Nullable] public int? GroupId { get; set; }
    [Column, NotNull] public int KindId { get; set; }
    [Column(DataType = LinqToDB.DataType.Text), Nullable] public string? RuleJson { get; set; }
    [Column, Nullable] public int? SegmentId { get; set; }
    [Column, NotNull] public bool ApplyNow { get; set; }
    [Column(Length = 7), Nullable] public string? Color { get; set; }
    [Column(Length = 1000), Nullable] public string? Description { get; set; }
    [Column, NotNull] public bool VisibleToCustomers { get; set; }
    [Column, NotNull] public int DisplayOrder { get; set; }
    [Column, NotNull] public int CreatedByCustomerId { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column, Nullable] public DateTime? LastRecomputedOnUtc { get; set; }
}
