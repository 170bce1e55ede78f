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
