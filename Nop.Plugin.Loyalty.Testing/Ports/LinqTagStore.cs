using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>Member tags and their role mappings over a linq2db connection: a bulk copy and one DELETE per statement.</summary>
public sealed class LinqTagStore(DataConnection db, bool purchaseLines = false) : ITagStore
{
    private static readonly BulkCopyOptions Bulk = new() { BulkCopyType = BulkCopyType.ProviderSpecific };

    private ITable<NopCustomerRoleMapping> Mappings => db.GetTable<NopCustomerRoleMapping>();

    public IQueryable<TagRow> Tags => NopStore.Tags(db);

    public Task<StoreSources> GetSourcesAsync() => Task.FromResult(NopStore.Sources(db, purchaseLines));

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);

    public ILoyaltyUnitOfWork Begin() => new LinqLoyaltyWriter(db).Begin();

    public Task AddMembersAsync(IReadOnlyCollection<CustomerRoleRow> memberships)
    {
        db.BulkCopy(Bulk, memberships.Select(m => new NopCustomerRoleMapping { CustomerId = m.CustomerId, CustomerRoleId = m.CustomerRoleId }));
        return Task.CompletedTask;
    }

    public Task RemoveMembersAsync(int customerRoleId, IReadOnlyCollection<int> customerIds)
    {
        var ids = customerIds.ToArray();
        return Mappings.Where(m => m.CustomerRoleId == customerRoleId && ids.Contains(m.CustomerId)).DeleteAsync();
    }

    public Task RemoveRolesAsync(int customerId, IReadOnlyCollection<int> customerRoleIds)
    {
        var ids = customerRoleIds.ToArray();
        return Mappings.Where(m => m.CustomerId == customerId && ids.Contains(m.CustomerRoleId)).DeleteAsync();
    }

    public Task MarkRecomputedAsync(int tagId, DateTime recomputedOnUtc) =>
        db.GetTable<LoyaltyMemberTag>().Where(t => t.Id == tagId)
            .Set(t => t.LastRecomputedOnUtc, DateTime.SpecifyKind(recomputedOnUtc, DateTimeKind.Unspecified))
            .UpdateAsync();
}
