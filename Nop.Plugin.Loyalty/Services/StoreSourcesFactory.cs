using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Services.Customers;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The store's tables as the engine's <see cref="StoreSources"/>, projected from nopCommerce's repositories.
/// Special points and segments read the same projection, so a segment previews exactly the customers a grant reaches.
/// </summary>
public class StoreSourcesFactory
{
    private readonly ICustomerService _customerService;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<CustomerCustomerRoleMapping> _customerRoleMappingRepository;
    private readonly IRepository<NewsLetterSubscription> _subscriptionRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<OrderItem> _orderItemRepository;
    private readonly IRepository<ProductCategory> _productCategoryRepository;
    private readonly IRepository<Category> _categoryRepository;
    private readonly IRepository<PurchaseLine> _purchaseLineRepository;
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly IRepository<CustomerRole> _customerRoleRepository;
    private readonly LoyaltySettings _settings;

    public StoreSourcesFactory(ICustomerService customerService,
        IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> customerRoleMappingRepository,
        IRepository<NewsLetterSubscription> subscriptionRepository,
        IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<ProductCategory> productCategoryRepository,
        IRepository<Category> categoryRepository,
        IRepository<PurchaseLine> purchaseLineRepository,
        IRepository<RewardPointsHistory> ledgerRepository,
        LoyaltySettings settings,
        IRepository<MemberTag> tagRepository,
        IRepository<CustomerRole> customerRoleRepository)
    {
        _customerService = customerService;
        _customerRepository = customerRepository;
        _customerRoleMappingRepository = customerRoleMappingRepository;
        _subscriptionRepository = subscriptionRepository;
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _productCategoryRepository = productCategoryRepository;
        _categoryRepository = categoryRepository;
        _purchaseLineRepository = purchaseLineRepository;
        _ledgerRepository = ledgerRepository;
        _settings = settings;
        _tagRepository = tagRepository;
        _customerRoleRepository = customerRoleRepository;
    }

    /// <summary>The store's tables as the engine's sources.</summary>
    public virtual async Task<StoreSources> GetSourcesAsync()
    {
        var registeredRole = await _customerService.GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.RegisteredRoleName);

        return new StoreSources(
            _customerRepository.Table.Select(c => new CustomerRow
            {
                Id = c.Id,
                Email = c.Email,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Active = c.Active,
                Deleted = c.Deleted,
                IsSystemAccount = c.IsSystemAccount,
                CreatedOnUtc = c.CreatedOnUtc,
                RegisteredInStoreId = c.RegisteredInStoreId,
                Gender = c.Gender,
                DateOfBirth = c.DateOfBirth,
                CountryId = c.CountryId,
                StateProvinceId = c.StateProvinceId
            }),
            _customerRoleMappingRepository.Table.Select(m => new CustomerRoleRow { CustomerId = m.CustomerId, CustomerRoleId = m.CustomerRoleId }),
            registeredRole?.Id ?? 0,
            ProjectOrders(_orderRepository.Table),
            ProjectOrderItems(_orderItemRepository.Table),
            _productCategoryRepository.Table.Select(pc => new ProductCategoryRow { ProductId = pc.ProductId, CategoryId = pc.CategoryId }),
            _categoryRepository.Table.Select(c => new CategoryRow { Id = c.Id, ParentCategoryId = c.ParentCategoryId, Deleted = c.Deleted }),
            _subscriptionRepository.Table.Select(n => new NewsletterSubscriptionRow { Email = n.Email, Active = n.Active, StoreId = n.StoreId, TypeId = n.TypeId }),
            Points.NopLoyaltyData.Project(_ledgerRepository.Table),
            // Read only once complete: a partly filled table would leave out the purchases it does not hold yet.
            _settings.PurchaseLinesComplete ? ProjectPurchaseLines(_purchaseLineRepository.Table) : null,
            Tags.NopTagStore.Project(_tagRepository.Table, _customerRoleRepository.Table));
    }

    #region Projections

    /// <summary>nopCommerce's orders as engine rows.</summary>
    public static IQueryable<OrderRow> ProjectOrders(IQueryable<Order> orders) =>
        orders.Select(o => new OrderRow
        {
            Id = o.Id,
            CustomerId = o.CustomerId,
            StoreId = o.StoreId,
            OrderStatusId = o.OrderStatusId,
            PaymentStatusId = o.PaymentStatusId,
            OrderTotal = o.OrderTotal,
            Deleted = o.Deleted,
            CreatedOnUtc = o.CreatedOnUtc
        });

    /// <summary>nopCommerce's order lines as engine rows.</summary>
    public static IQueryable<OrderItemRow> ProjectOrderItems(IQueryable<OrderItem> items) =>
        items.Select(i => new OrderItemRow
        {
            Id = i.Id,
            OrderId = i.OrderId,
            ProductId = i.ProductId,
            Quantity = i.Quantity,
            PriceInclTax = i.PriceInclTax
        });

    /// <summary>The plugin's purchase table as engine rows.</summary>
    public static IQueryable<PurchaseLineRow> ProjectPurchaseLines(IQueryable<PurchaseLine> lines) =>
        lines.Select(p => new PurchaseLineRow
        {
            OrderItemId = p.OrderItemId,
            OrderId = p.OrderId,
            CustomerId = p.CustomerId,
            StoreId = p.StoreId,
            ProductId = p.ProductId,
            OrderStatusId = p.OrderStatusId,
            Deleted = p.Deleted,
            CreatedOnUtc = p.CreatedOnUtc,
            PriceInclTax = p.PriceInclTax
        });

    #endregion
}
