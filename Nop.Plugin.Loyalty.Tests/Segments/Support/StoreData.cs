using LinqToDB.Data;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Segments.Support;

/// <summary>A store's rows kept in memory, inserted into a test database with their ids as given.</summary>
public sealed class StoreData
{
    public const int AdministratorsRoleId = 1;
    public const int RegisteredRoleId = 3;
    public const int GuestsRoleId = 4;

    public List<NopCustomer> Customers { get; } = [];
    public List<NopCustomerRole> Roles { get; } =
    [
        new() { Id = 1, Name = "Administrators", SystemName = "Administrators", Active = true },
        new() { Id = 2, Name = "Forum Moderators", SystemName = "ForumModerators", Active = true },
        new() { Id = 3, Name = "Registered", SystemName = "Registered", Active = true },
        new() { Id = 4, Name = "Guests", SystemName = "Guests", Active = true },
        new() { Id = 5, Name = "Vendors", SystemName = "Vendors", Active = true },
        new() { Id = 6, Name = "VIP", Active = true },
        new() { Id = 7, Name = "Wholesale", Active = true },
    ];
    public List<NopCustomerRoleMapping> RoleMappings { get; } = [];
    public List<NopOrder> Orders { get; } = [];
    public List<NopOrderItem> OrderItems { get; } = [];
    public List<NopProductCategory> ProductCategories { get; } = [];
    public List<NopCategory> Categories { get; } = [];
    public List<NopNewsLetterSubscription> Subscriptions { get; } = [];
    public List<NopRewardPointsHistory> Ledger { get; } = [];

    /// <summary>Adds a customer; registered ones get the Registered role, guests the Guests role.</summary>
    public NopCustomer Customer(bool registered = true, Action<NopCustomer>? configure = null)
    {
        var c = new NopCustomer
        {
            Id = Customers.Count + 1,
            CustomerGuid = Guid.NewGuid(),
            Email = $"c{Customers.Count + 1}@example.test",
            Active = true,
            CreatedOnUtc = new DateTime(2020, 1, 1),
            RegisteredInStoreId = 1
        };
        configure?.Invoke(c);
        Customers.Add(c);
        Role(c.Id, registered ? RegisteredRoleId : GuestsRoleId);
        return c;
    }

    public void Role(int customerId, int roleId) =>
        RoleMappings.Add(new() { Id = RoleMappings.Count + 1, CustomerId = customerId, CustomerRoleId = roleId });

    public NopOrder Order(int customerId, DateTime createdOnUtc, decimal total = 100m, int status = 30, bool deleted = false, int storeId = 1)
    {
        var o = new NopOrder
        {
            Id = Orders.Count + 1,
            OrderGuid = Guid.NewGuid(),
            CustomerId = customerId,
            StoreId = storeId,
            OrderStatusId = status,
            PaymentStatusId = 30,
            OrderTotal = total,
            Deleted = deleted,
            CreatedOnUtc = createdOnUtc
        };
        Orders.Add(o);
        return o;
    }

    public void Item(int orderId, int productId, decimal priceInclTax, int quantity = 1) =>
        OrderItems.Add(new()
        {
            Id = OrderItems.Count + 1, OrderItemGuid = Guid.NewGuid(), OrderId = orderId, ProductId = productId,
            Quantity = quantity, PriceInclTax = priceInclTax
        });

    public void Category(int productId, int categoryId) =>
        ProductCategories.Add(new() { Id = ProductCategories.Count + 1, ProductId = productId, CategoryId = categoryId });

    /// <summary>Adds a category under <paramref name="parentId"/> (0 = a top category).</summary>
    public void CategoryNode(int id, int parentId, bool deleted = false) =>
        Categories.Add(new() { Id = id, Name = $"Category {id}", ParentCategoryId = parentId, Deleted = deleted });

    public void Subscription(string email, bool active = true, int storeId = 1) =>
        Subscriptions.Add(new()
        {
            Id = Subscriptions.Count + 1, NewsLetterSubscriptionGuid = Guid.NewGuid(), Email = email, Active = active,
            StoreId = storeId, CreatedOnUtc = new DateTime(2020, 1, 1)
        });

    public void Points(int customerId, int? balance, DateTime createdOnUtc, int storeId = 1) =>
        Ledger.Add(new()
        {
            Id = Ledger.Count + 1, CustomerId = customerId, StoreId = storeId, Points = 10, PointsBalance = balance,
            CreatedOnUtc = createdOnUtc
        });

    public void Insert(DataConnection db)
    {
        var options = new BulkCopyOptions { KeepIdentity = true };
        db.BulkCopy(options, Customers);
        db.BulkCopy(options, Roles);
        db.BulkCopy(options, RoleMappings);
        db.BulkCopy(options, Orders);
        db.BulkCopy(options, OrderItems);
        db.BulkCopy(options, ProductCategories);
        db.BulkCopy(options, Categories);
        db.BulkCopy(options, Subscriptions);
        db.BulkCopy(options, Ledger);
    }
}
