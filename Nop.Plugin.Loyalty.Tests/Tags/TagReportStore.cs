using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>
/// A store for the tag reports, generated from a seed and kept in memory too, so the tests compute their expected
/// figures from the rows themselves: customers holding zero to three tags (one mapping stored twice), orders in two
/// stores with every status, some deleted, some placed on the store's day boundaries.
/// </summary>
public sealed class TagReportStore
{
    public int RegisteredRoleId { get; private init; }
    public int GuestsRoleId { get; private init; }

    /// <summary>The tags' roles ("Gold", "Silver", "Tokyo").</summary>
    public IReadOnlyList<int> TagRoleIds { get; private init; } = [];

    public List<NopCustomer> Customers { get; } = [];
    public List<NopCustomerRoleMapping> Mappings { get; } = [];
    public List<NopOrder> Orders { get; } = [];
    public List<NopNewsLetterSubscription> Subscriptions { get; } = [];

    /// <summary>Whether the customer holds the role (in the generated rows).</summary>
    public bool Holds(int customerId, int roleId) => Mappings.Any(m => m.CustomerId == customerId && m.CustomerRoleId == roleId);

    /// <summary>Generates and inserts the store; <paramref name="boundaries"/> are UTC instants that get an order each from a tagged customer.</summary>
    public static TagReportStore Seed(DataConnection db, int seed, IEnumerable<DateTime> boundaries)
    {
        var random = new Random(seed);
        var store = new TagReportStore
        {
            RegisteredRoleId = db.InsertWithInt32Identity(new NopCustomerRole { Name = "Registered", SystemName = NopStore.RegisteredRoleSystemName, Active = true }),
            GuestsRoleId = db.InsertWithInt32Identity(new NopCustomerRole { Name = "Guests", SystemName = "Guests", Active = true }),
            TagRoleIds = new[] { "Gold", "Silver", "Tokyo" }
                .Select((name, i) => db.InsertWithInt32Identity(new NopCustomerRole { Name = name, SystemName = $"Loyalty.Tag.{i + 1}", Active = true }))
                .ToList()
        };

        for (var i = 0; i < 80; i++)
        {
            var kind = random.Next(20);
            var customer = new NopCustomer
            {
                CustomerGuid = Guid.NewGuid(),
                Email = kind == 0 ? null : $"member{i}@example.jp",
                Active = kind != 1,
                Deleted = kind == 2,
                CreatedOnUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                RegisteredInStoreId = 1
            };
            customer.Id = db.InsertWithInt32Identity(customer);
            store.Customers.Add(customer);
            store.Mappings.Add(new NopCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = kind == 3 ? store.GuestsRoleId : store.RegisteredRoleId });
            foreach (var role in store.TagRoleIds.Where(_ => random.Next(3) == 0))
                store.Mappings.Add(new NopCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = role });
        }

        // A mapping stored twice must not count its customer's orders twice.
        var doubled = store.Mappings.First(m => m.CustomerRoleId == store.TagRoleIds[0]);
        store.Mappings.Add(new NopCustomerRoleMapping { CustomerId = doubled.CustomerId, CustomerRoleId = doubled.CustomerRoleId });

        var tagged = store.Mappings.Where(m => store.TagRoleIds.Contains(m.CustomerRoleId)).Select(m => m.CustomerId).Distinct().ToList();
        var first = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 500; i++)
        {
            store.Orders.Add(Order(random, store.Customers[random.Next(store.Customers.Count)].Id,
                first.AddMinutes(random.Next(0, 150 * 24 * 60))));
        }

        foreach (var instant in boundaries)
        {
            var order = Order(random, tagged[random.Next(tagged.Count)], instant);
            order.Deleted = false;
            store.Orders.Add(order);
        }

        foreach (var customer in store.Customers.Where(c => c.Email != null))
        {
            for (var s = random.Next(3); s > 0; s--)
                store.Subscriptions.Add(Subscription(random, customer.Email!));
        }

        for (var i = 0; i < 10; i++)
            store.Subscriptions.Add(Subscription(random, $"visitor{i}@example.jp"));

        db.BulkCopy(store.Mappings);
        foreach (var order in store.Orders)
            order.Id = db.InsertWithInt32Identity(order);
        db.BulkCopy(store.Subscriptions);
        return store;
    }

    private static NopOrder Order(Random random, int customerId, DateTime createdOnUtc) => new()
    {
        OrderGuid = Guid.NewGuid(),
        CustomerId = customerId,
        StoreId = 1 + random.Next(2),
        OrderStatusId = 10 * (1 + random.Next(4)),
        PaymentStatusId = 10,
        OrderTotal = random.Next(100, 5_000_000) / 100m,
        Deleted = random.Next(12) == 0,
        CreatedOnUtc = createdOnUtc
    };

    private static NopNewsLetterSubscription Subscription(Random random, string email) => new()
    {
        NewsLetterSubscriptionGuid = Guid.NewGuid(),
        Email = email,
        Active = random.Next(5) != 0,
        StoreId = 1 + random.Next(2),
        TypeId = 1 + random.Next(2),
        CreatedOnUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)
    };
}
