using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Stores;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The engine's <see cref="ISegmentCatalog"/> over nopCommerce's products, categories, roles, countries, states and
/// stores. <see cref="LoadAsync"/> reads names only for the ids a definition mentions, so validating or describing a
/// segment never loads a whole catalog. Deleted products and categories count as unknown.
/// </summary>
public class StoreSegmentCatalog
{
    private readonly ICategoryService _categoryService;
    private readonly ICountryService _countryService;
    private readonly ICustomerService _customerService;
    private readonly IProductService _productService;
    private readonly IStateProvinceService _stateProvinceService;
    private readonly IStoreService _storeService;

    public StoreSegmentCatalog(ICategoryService categoryService,
        ICountryService countryService,
        ICustomerService customerService,
        IProductService productService,
        IStateProvinceService stateProvinceService,
        IStoreService storeService)
    {
        _categoryService = categoryService;
        _countryService = countryService;
        _customerService = customerService;
        _productService = productService;
        _stateProvinceService = stateProvinceService;
        _storeService = storeService;
    }

    /// <summary>A catalog that knows the entities the definition names (and only those).</summary>
    public virtual async Task<ISegmentCatalog> LoadAsync(SegmentDefinition definition)
    {
        var catalog = SegmentCatalog.Empty;
        var mentioned = definition.MentionedIds();

        if (mentioned[SegmentEntity.Product] is { Count: > 0 } productIds)
        {
            var products = await _productService.GetProductsByIdsAsync(productIds.ToArray());
            catalog = catalog.With(SegmentEntity.Product, products.Where(p => !p.Deleted)
                .ToDictionary(p => p.Id, p => p.Name));
        }

        if (mentioned[SegmentEntity.Category] is { Count: > 0 } categoryIds)
        {
            var categories = await _categoryService.GetCategoriesByIdsAsync(categoryIds.ToArray());
            catalog = catalog.With(SegmentEntity.Category, categories.Where(c => !c.Deleted)
                .ToDictionary(c => c.Id, c => c.Name));
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
            var states = new Dictionary<int, string>();
            foreach (var id in stateIds)
                if (await _stateProvinceService.GetStateProvinceByIdAsync(id) is { } state)
                    states[id] = state.Name;
            catalog = catalog.With(SegmentEntity.StateProvince, states);
        }

        if (mentioned[SegmentEntity.Store] is { Count: > 0 } storeIds)
        {
            var stores = await _storeService.GetAllStoresAsync();
            catalog = catalog.With(SegmentEntity.Store, stores.Where(s => storeIds.Contains(s.Id))
                .ToDictionary(s => s.Id, s => s.Name));
        }

        return catalog;
    }
}
