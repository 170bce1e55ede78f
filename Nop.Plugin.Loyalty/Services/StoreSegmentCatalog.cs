using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments;
using LinqToDB;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Domains;
using Nop.Data;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Stores;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The engine's <see cref="ISegmentCatalog"/> over nopCommerce's products, categories, roles, countries, states and
/// stores, and the plugin's member tags. It reads names only for the ids asked for, one query per kind of entity, so validating or describing a
/// segment never loads a whole catalog nor an entity at a time.
/// </summary>
public class StoreSegmentCatalog
{
    private readonly ICountryService _countryService;
    private readonly ICustomerService _customerService;
    private readonly IRepository<Category> _categoryRepository;
    private readonly IRepository<Product> _productRepository;
    private readonly IStateProvinceService _stateProvinceService;
    private readonly IStoreService _storeService;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly IRepository<CustomerRole> _customerRoleRepository;

    public StoreSegmentCatalog(ICountryService countryService,
        ICustomerService customerService,
        IRepository<Category> categoryRepository,
        IRepository<Product> productRepository,
        IStateProvinceService stateProvinceService,
        IStoreService storeService,
        IRepository<MemberTag> tagRepository,
        IRepository<CustomerRole> customerRoleRepository)
    {
        _countryService = countryService;
        _customerService = customerService;
        _categoryRepository = categoryRepository;
        _productRepository = productRepository;
        _stateProvinceService = stateProvinceService;
        _storeService = storeService;
        _tagRepository = tagRepository;
        _customerRoleRepository = customerRoleRepository;
    }

    /// <summary>A catalog that knows the entities the definition names (and only those); deleted products and categories count as unknown.</summary>
    public virtual Task<ISegmentCatalog> LoadAsync(SegmentDefinition definition) => LoadAsync(definition.MentionedIds(), withDeleted: false);

    /// <summary>
    /// The names of the entities descriptions mention, all at once. A deleted product or category keeps its name here:
    /// a grant's history still says what it targeted.
    /// </summary>
    public virtual Task<ISegmentCatalog> LoadNamesAsync(IEnumerable<PhraseName> names) =>
        LoadAsync(Enum.GetValues<SegmentEntity>().ToDictionary(kind => kind,
            kind => names.Where(n => n.Kind == kind).Select(n => n.Id).ToHashSet()), withDeleted: true);

    protected virtual async Task<ISegmentCatalog> LoadAsync(IReadOnlyDictionary<SegmentEntity, HashSet<int>> mentioned, bool withDeleted)
    {
        var catalog = SegmentCatalog.Empty;

        if (mentioned[SegmentEntity.Product] is { Count: > 0 } productIds)
        {
            var products = await _productRepository.GetByIdsAsync(productIds.ToArray(), cache => default, includeDeleted: withDeleted);
            catalog = catalog.With(SegmentEntity.Product, products.ToDictionary(p => p.Id, p => p.Name));
        }

        if (mentioned[SegmentEntity.Category] is { Count: > 0 } categoryIds)
        {
            var categories = await _categoryRepository.GetByIdsAsync(categoryIds.ToArray(), cache => default, includeDeleted: withDeleted);
            catalog = catalog.With(SegmentEntity.Category, categories.ToDictionary(c => c.Id, c => c.Name));
        }

        if (mentioned[SegmentEntity.CustomerRole] is { Count: > 0 } roleIds)
        {
            var roles = await _customerService.GetAllCustomerRolesAsync(true);
            catalog = catalog.With(SegmentEntity.CustomerRole, roles.Where(r => roleIds.Contains(r.Id))
                .ToDictionary(r => r.Id, r => r.Name));
        }

        if (mentioned[SegmentEntity.Country] is { Count: > 0 } countryIds)
        {
            var countries = await _countryService.GetCountriesByIdsAsync(countryIds.ToArray());
            catalog = catalog.With(SegmentEntity.Country, countries.ToDictionary(c => c.Id, c => c.Name));
        }

        if (mentioned[SegmentEntity.StateProvince] is { Count: > 0 } stateIds)
        {
            var states = await _stateProvinceService.GetStateProvincesAsync(true);
            catalog = catalog.With(SegmentEntity.StateProvince, states.Where(s => stateIds.Contains(s.Id))
                .ToDictionary(s => s.Id, s => s.Name));
        }

        if (mentioned[SegmentEntity.Store] is { Count: > 0 } storeIds)
        {
            var stores = await _storeService.GetAllStoresAsync();
            catalog = catalog.With(SegmentEntity.Store, stores.Where(s => storeIds.Contains(s.Id))
                .ToDictionary(s => s.Id, s => s.Name));
        }

        if (mentioned[SegmentEntity.Tag] is { Count: > 0 } tagIds)
        {
            var ids = tagIds.ToArray();
            var tags = await Tags.NopTagStore.Project(_tagRepository.Table.Where(t => ids.Contains(t.Id)), _customerRoleRepository.Table)
                .Select(t => new { t.Id, t.Name }).ToListAsync();
            catalog = catalog.With(SegmentEntity.Tag, tags.ToDictionary(t => t.Id, t => t.Name));
        }

        return catalog;
    }
}
