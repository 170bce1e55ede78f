using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Segments.Support;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>Member tags added to a generated store: each tag's own role, its row, and random starting members.</summary>
public static class TagStoreSetup
{
    /// <summary>The role id of the n-th tag (1-based); far above the store's own roles.</summary>
    public static int RoleOf(int tagId) => 100 + tagId;

    /// <summary>Adds a tag's role and gives it to each customer (guests, inactive and deleted ones too) with the given chance.</summary>
    public static SortedSet<int> AddTagRole(StoreData data, int tagId, Random random, double density)
    {
        data.Roles.Add(new NopCustomerRole { Id = RoleOf(tagId), Name = $"Tag {tagId}", SystemName = $"Loyalty.Tag.{tagId}", Active = true });
        var members = new SortedSet<int>();
        foreach (var c in data.Customers.Where(_ => random.NextDouble() < density))
        {
            data.Role(c.Id, RoleOf(tagId));
            members.Add(c.Id);
        }
        return members;
    }

    /// <summary>Inserts the store, then the tags' rows; the mapping's identity is moved past the ids given explicitly.</summary>
    public static void Insert(DataConnection db, StoreData data, IEnumerable<(int TagId, SegmentDefinition? Rule)> tags)
    {
        data.Insert(db);
        db.BulkCopy(new BulkCopyOptions { KeepIdentity = true }, tags.Select(t => new LoyaltyMemberTag
        {
            Id = t.TagId,
            CustomerRoleId = RoleOf(t.TagId),
            KindId = (int)(t.Rule is null ? TagKind.Manual : TagKind.Automatic),
            RuleJson = t.Rule is null ? null : SegmentJson.Serialize(t.Rule),
            CreatedOnUtc = new DateTime(2020, 1, 1)
        }));
        if (TestDatabase.KindOf(db) == DatabaseKind.PostgreSql)
            db.Execute("SELECT setval(pg_get_serial_sequence('\"Customer_CustomerRole_Mapping\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Customer_CustomerRole_Mapping\"))");
    }

    /// <summary>The customers holding a role now, read from the database.</summary>
    public static SortedSet<int> Members(DataConnection db, int roleId) =>
        new(db.GetTable<NopCustomerRoleMapping>().Where(m => m.CustomerRoleId == roleId).Select(m => m.CustomerId).ToList());
}

/// <summary>Records progress synchronously (Progress&lt;T&gt; posts to the thread pool, which would race the assertions).</summary>
public sealed class ListProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}

/// <summary>Counts the statements a tag step writes, passing everything on to the real store.</summary>
public sealed class CountingTagStore(ITagStore inner) : ITagStore
{
    /// <summary>Every write statement, in order: "add" or "remove", the roles and the customers it touched.</summary>
    public List<(string Write, int[] RoleIds, int[] CustomerIds)> Writes { get; } = [];

    public int UnitsBegun { get; private set; }

    public IQueryable<TagRow> Tags => inner.Tags;

    public Task<StoreSources> GetSourcesAsync() => inner.GetSourcesAsync();

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) => inner.ToListAsync(query, cancellationToken);

    public ILoyaltyUnitOfWork Begin()
    {
        UnitsBegun++;
        return inner.Begin();
    }

    public Task AddMembersAsync(IReadOnlyCollection<CustomerRoleRow> memberships)
    {
        Writes.Add(("add", memberships.Select(m => m.CustomerRoleId).Distinct().ToArray(), memberships.Select(m => m.CustomerId).Distinct().ToArray()));
        return inner.AddMembersAsync(memberships);
    }

    public Task RemoveMembersAsync(int customerRoleId, IReadOnlyCollection<int> customerIds)
    {
        Writes.Add(("remove", [customerRoleId], customerIds.ToArray()));
        return inner.RemoveMembersAsync(customerRoleId, customerIds);
    }

    public Task RemoveRolesAsync(int customerId, IReadOnlyCollection<int> customerRoleIds)
    {
        Writes.Add(("remove", customerRoleIds.ToArray(), [customerId]));
        return inner.RemoveRolesAsync(customerId, customerRoleIds);
    }

    public Task MarkRecomputedAsync(int tagId, DateTime recomputedOnUtc) => inner.MarkRecomputedAsync(tagId, recomputedOnUtc);
}
