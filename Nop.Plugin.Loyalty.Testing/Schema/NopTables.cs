using LinqToDB.Mapping;

namespace Nop.Plugin.Loyalty.Testing.Schema;

// The columns of nopCommerce 4.90's tables that the loyalty rules read, under nopCommerce's own
// table and column names, so the queries tested here are the queries the plugin runs.

[Table("Customer")]
public sealed class NopCustomer
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public Guid CustomerGuid { get; set; }
    [Column(Length = 1000), Nullable] public string? Username { get; set; }
    [Column(Length = 1000), Nullable] public string? Email { get; set; }
    [Column(Length = 1000), Nullable] public string? FirstName { get; set; }
    [Column(Length = 1000), Nullable] public string? LastName { get; set; }
    [Column(Length = 1000), Nullable] public string? Gender { get; set; }
    [Column, Nullable] public DateTime? DateOfBirth { get; set; }
    [Column, NotNull] public int CountryId { get; set; }
    [Column, NotNull] public int StateProvinceId { get; set; }
    [Column, NotNull] public bool Active { get; set; }
    [Column, NotNull] public bool Deleted { get; set; }
    [Column, NotNull] public bool IsSystemAccount { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column, NotNull] public int RegisteredInStoreId { get; set; }
}

[Table("CustomerRole")]
public sealed class NopCustomerRole
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column(Length = 255), NotNull] public string Name { get; set; } = "";
    [Column(Length = 255), Nullable] public string? SystemName { get; set; }
    [Column, NotNull] public bool Active { get; set; }
}

[Table("Customer_CustomerRole_Mapping")]
public sealed class NopCustomerRoleMapping
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public int CustomerRoleId { get; set; }
}

[Table("RewardPointsHistory")]
public sealed class NopRewardPointsHistory
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public int StoreId { get; set; }
    [Column, NotNull] public int Points { get; set; }
    [Column, Nullable] public int? PointsBalance { get; set; }
    [Column(Precision = 18, Scale = 4), NotNull] public decimal UsedAmount { get; set; }
    [Column(Length = 4000), Nullable] public string? Message { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column, Nullable] public DateTime? EndDateUtc { get; set; }
    [Column, Nullable] public int? ValidPoints { get; set; }
    [Column, Nullable] public Guid? UsedWithOrder { get; set; }
}

[Table("Order")]
public sealed class NopOrder
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public Guid OrderGuid { get; set; }
    [Column, NotNull] public int StoreId { get; set; }
    [Column, NotNull] public int CustomerId { get; set; }
    [Column, NotNull] public int OrderStatusId { get; set; }
    [Column, NotNull] public int PaymentStatusId { get; set; }
    [Column, NotNull] public int ShippingStatusId { get; set; }
    [Column(Precision = 18, Scale = 4), NotNull] public decimal OrderTotal { get; set; }
    [Column, NotNull] public bool Deleted { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
}

[Table("OrderItem")]
public sealed class NopOrderItem
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public Guid OrderItemGuid { get; set; }
    [Column, NotNull] public int OrderId { get; set; }
    [Column, NotNull] public int ProductId { get; set; }
    [Column, NotNull] public int Quantity { get; set; }
    [Column(Precision = 18, Scale = 4), NotNull] public decimal PriceInclTax { get; set; }
}

[Table("Category")]
public sealed class NopCategory
{
    [PrimaryKey] public int Id { get; set; }
    [Column(Length = 400), NotNull] public string Name { get; set; } = "";
    [Column, NotNull] public int ParentCategoryId { get; set; }
    [Column, NotNull] public bool Deleted { get; set; }
}

[Table("Product_Category_Mapping")]
public sealed class NopProductCategory
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public int ProductId { get; set; }
    [Column, NotNull] public int CategoryId { get; set; }
}

[Table("NewsLetterSubscription")]
public sealed class NopNewsLetterSubscription
{
    [PrimaryKey, Identity] public int Id { get; set; }
    [Column, NotNull] public Guid NewsLetterSubscriptionGuid { get; set; }
    [Column(Length = 255), NotNull] public string Email { get; set; } = "";
    [Column, NotNull] public bool Active { get; set; }
    [Column, NotNull] public int StoreId { get; set; }
    [Column, NotNull] public DateTime CreatedOnUtc { get; set; }
    [Column, NotNull] public int TypeId { get; set; }
}
