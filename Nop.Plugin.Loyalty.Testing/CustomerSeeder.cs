using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>Creates nopCommerce's system roles and customers in bulk, repeatably from a seed.</summary>
public static class CustomerSeeder
{
    /// <summary>Ids of the roles the seeder creates.</summary>
    public sealed record Roles(int Registered, int Guests, int Vip);

    /// <summary>Creates the Registered, Guests and a "VIP" role.</summary>
    public static Roles CreateRoles(DataConnection db) => new(
        db.InsertWithInt32Identity(new NopCustomerRole { Name = "Registered", SystemName = "Registered", Active = true }),
        db.InsertWithInt32Identity(new NopCustomerRole { Name = "Guests", SystemName = "Guests", Active = true }),
        db.InsertWithInt32Identity(new NopCustomerRole { Name = "VIP", SystemName = null, Active = true }));

    /// <summary>
    /// Adds <paramref name="count"/> customers: about 1 in 10 a guest, 1 in 50 deleted, 1 in 50 inactive,
    /// every 7th registered one also a VIP. Returns the ids of the registered, active, not deleted ones.
    /// </summary>
    public static IReadOnlyList<int> AddCustomers(DataConnection db, Roles roles, int count, int seed = 1, DateTime? createdOnUtc = null)
    {
        var random = new Random(seed);
        var created = createdOnUtc ?? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var firstId = (db.GetTable<NopCustomer>().Select(c => (int?)c.Id).Max() ?? 0) + 1;
        var kinds = Enumerable.Range(0, count).Select(_ => random.Next(100)).ToArray();

        db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, kinds.Select((kind, i) => new NopCustomer
        {
            CustomerGuid = new Guid(random.Next(), 0, 0, new byte[8]),
            Email = kind < 10 ? null : $"customer{firstId + i}@example.com",
            Active = kind is not (>= 10 and < 12),
            Deleted = kind is >= 12 and < 14,
            CreatedOnUtc = created.AddMinutes(i),
            RegisteredInStoreId = 1
        }));

        var ids = db.GetTable<NopCustomer>().Where(c => c.Id >= firstId).OrderBy(c => c.Id).Select(c => c.Id).ToList();
        var mappings = ids.Select((id, i) => new NopCustomerRoleMapping
        {
            CustomerId = id,
            CustomerRoleId = kinds[i] < 10 ? roles.Guests : roles.Registered
        }).Concat(ids.Where((id, i) => kinds[i] >= 14 && i % 7 == 0).Select(id => new NopCustomerRoleMapping
        {
            CustomerId = id,
            CustomerRoleId = roles.Vip
        }));
        db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, mappings);

        return ids.Where((id, i) => kinds[i] >= 14).ToList();
    }
}
