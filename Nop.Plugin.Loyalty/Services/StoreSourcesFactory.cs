using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Data;
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
    private readonly LoyaltyLedger _ledger;

    public StoreSourcesFactory(ICustomerService customerService,
        IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> customerRoleMappingRepository,
        IRepository<NewsLetterSubscription> subscriptionRepository,
        IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<ProductCategory> productCategoryRepository,
        LoyaltyLedger ledger)
    {
        _customerService = customerService;
        _customerRepository = customerRepository;
        _customerRoleMappingRepository = customerRoleMappingRepository;
        _subscriptionRepository = subscriptionRepository;
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _productCategoryRepository = productCategoryRepository;
        _ledger = ledger;
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
            _orderRepository.Table.Select(o => new OrderRow
            {
                Id = o.Id,
                CustomerId = o.CustomerId,
                StoreId = o.StoreId,
                OrderStatusId = o.OrderStatusId,
                PaymentStatusId = o.PaymentStatusId,
                OrderTotal = o.OrderTotal,
                Deleted = o.Deleted,
                CreatedOnUtc = o.CreatedOnUtc
            }),
            _orderItemRepository.Table.Select(i => new OrderItemRow
            {
                Id = i.Id,
                OrderId = i.OrderId,
                ProductId = i.ProductId,
                Quantity = i.Quantity,
                PriceInclTax = i.PriceInclTax
            }),
            _productCategoryRepository.Table.Select(pc => new ProductCategoryRow { ProductId = pc.ProductId, CategoryId = pc.CategoryId }),
            _subscriptionRepository.Table.Select(n => new NewsletterSubscriptionRow { Email = n.Email, Active = n.Active, StoreId = n.StoreId }),
            _ledger.Ledger);
    }
}
