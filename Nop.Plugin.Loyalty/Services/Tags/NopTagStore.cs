using System.Transactions;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>
/// The engine's tag store over nopCommerce: tags read from the plugin's table joined to their customer roles, members
/// written straight into Customer_CustomerRole_Mapping (a bulk insert, one set-based DELETE). nopCommerce's caches of
/// customers' roles are cleared by <see cref="NopTagObserver"/> once each chunk is committed.
/// </summary>
public class NopTagStore : ITagStore
{
    private readonly INopDataProvider _dataProvider;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly IRepository<CustomerRole> _customerRoleRepository;
    private readonly IRepository<CustomerCustomerRoleMapping> _mappingRepository;
    private readonly StoreSourcesFactory _sourcesFactory;

    public NopTagStore(INopDataProvider dataProvider,
        IRepository<MemberTag> tagRepository,
        IRepository<CustomerRole> customerRoleRepository,
        IRepository<CustomerCustomerRoleMapping> mappingRepository,
        StoreSourcesFactory sourcesFactory)
    {
        _dataProvider = dataProvider;
        _tagRepository = tagRepository;
        _customerRoleRepository = customerRoleRepository;
        _mappingRepository = mappingRepository;
        _sourcesFactory = sourcesFactory;
    }

    /// <summary>The plugin's tags as engine rows, named by their roles.</summary>
    public static IQueryable<TagRow> Project(IQueryable<MemberTag> tags, IQueryable<CustomerRole> roles) =>
        from t in tags
        join r in roles on t.CustomerRoleId equals r.Id
        select new TagRow
        {
            Id = t.Id,
            CustomerRoleId = t.CustomerRoleId,
            Name = r.Name,
            Kind = (TagKind)t.KindId,
            RuleJson = t.RuleJson,
            VisibleToCustomers = t.VisibleToCustomers,
            LastRecomputedOnUtc = t.LastRecomputedOnUtc
        };

    /// <summary>Every tag's id and name, by name: the lists the admin picks tags from.</summary>
    public static async Task<IList<(int Id, string Name)>> NamesAsync(IQueryable<MemberTag> tags, IQueryable<CustomerRole> roles) =>
        (await LinqToDB.Async.AsyncExtensions.ToListAsync(Project(tags, roles).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name })))
        .Select(t => (t.Id, t.Name)).ToList();

    public IQueryable<TagRow> Tags => Project(_tagRepository.Table, _customerRoleRepository.Table);

    public Task<StoreSources> GetSourcesAsync() => _sourcesFactory.GetSourcesAsync();

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);

    public ILoyaltyUnitOfWork Begin() => new ScopeUnitOfWork(LoyaltyTransaction.Begin());

    public async Task AddMembersAsync(IReadOnlyCollection<CustomerRoleRow> memberships)
    {
        if (memberships.Count == 0)
            return;
        await _dataProvider.BulkInsertEntitiesAsync(memberships.Select(m => new CustomerCustomerRoleMapping
        {
            CustomerId = m.CustomerId,
            CustomerRoleId = m.CustomerRoleId
        }));
    }

    public async Task RemoveMembersAsync(int customerRoleId, IReadOnlyCollection<int> customerIds)
    {
        if (customerIds.Count == 0)
            return;
        var ids = customerIds.ToArray();
        await _mappingRepository.DeleteAsync(m => m.CustomerRoleId == customerRoleId && ids.Contains(m.CustomerId));
    }

    public async Task RemoveRolesAsync(int customerId, IReadOnlyCollection<int> customerRoleIds)
    {
        if (customerRoleIds.Count == 0)
            return;
        var ids = customerRoleIds.ToArray();
        await _mappingRepository.DeleteAsync(m => m.CustomerId == customerId && ids.Contains(m.CustomerRoleId));
    }

    public async Task MarkRecomputedAsync(int tagId, DateTime recomputedOnUtc)
    {
        var at = DateTime.SpecifyKind(recomputedOnUtc, DateTimeKind.Unspecified);
        // One UPDATE of one column: the admin may be editing the tag's other fields meanwhile.
        await LinqToDB.LinqExtensions.UpdateAsync(
            LinqToDB.LinqExtensions.Set(_tagRepository.Table.Where(t => t.Id == tagId), t => t.LastRecomputedOnUtc, at));
    }

    private sealed class ScopeUnitOfWork(TransactionScope scope) : ILoyaltyUnitOfWork
    {
        public void Complete() => scope.Complete();

        public void Dispose() => scope.Dispose();
    }
}
