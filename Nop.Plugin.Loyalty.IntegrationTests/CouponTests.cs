using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Discounts;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Tests;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// Coupons on nopCommerce's harness: the migration's tables, and the checkout path: the plugin as the discount
/// requirement "holds a usable coupon", nopCommerce's own order total calculation applying the linked discount, and the
/// order consumer using one use of the holder's copy.
/// </summary>
[TestFixture]
public class CouponTests : LoyaltyHarness
{
    private PluginDescriptor _descriptor;
    private CouponPipeline _pipeline;
    private CouponDefinitionService _coupons;
    private readonly List<Discount> _discounts = new();

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync();
        // Installed, so nopCommerce's discount engine loads it as a requirement rule and its order consumer runs.
        _descriptor = new PluginDescriptor
        {
            PluginType = typeof(LoyaltyPlugin),
            SystemName = LoyaltyDefaults.SystemName,
            FriendlyName = LoyaltyDefaults.SystemName,
            Installed = true,
            ReferencedAssembly = typeof(LoyaltyPlugin).Assembly
        };
        Singleton<IPluginsInfo>.Instance.PluginDescriptors.Add((_descriptor, true));
        _pipeline = await CouponServices.GetPipelineAsync(ServiceProvider);
        _coupons = await CouponServices.GetDefinitionsAsync(ServiceProvider);
    }

    [OneTimeTearDown]
    public void RemoveDescriptor()
    {
        var descriptors = Singleton<IPluginsInfo>.Instance.PluginDescriptors;
        foreach (var entry in descriptors.Where(d => d.pluginDescriptor == _descriptor).ToList())
            descriptors.Remove(entry);
    }

    /// <summary>
    /// Each test's discount is switched off after it: a customer holding copies from two tests would otherwise get
    /// whichever discount nopCommerce prefers, and the other test's coupon would be used.
    /// </summary>
    [TearDown]
    public async Task DeactivateDiscountsAsync()
    {
        foreach (var discount in _discounts)
        {
            discount.IsActive = false;
            await GetService<IDiscountService>().UpdateDiscountAsync(discount);
        }

        _discounts.Clear();
    }

    /// <summary>A 10% order discount that only holders of a usable copy of a new 3-use coupon may apply.</summary>
    private async Task<(Discount Discount, int CouponId)> CouponDiscountAsync()
    {
        var discounts = GetService<IDiscountService>();
        var discount = new Discount
        {
            Name = "Coupon " + Guid.NewGuid().ToString("N")[..8],
            DiscountType = DiscountType.AssignedToOrderTotal,
            UsePercentage = true,
            DiscountPercentage = 10,
            IsActive = true,
            DiscountLimitation = DiscountLimitationType.Unlimited
        };
        await discounts.InsertDiscountAsync(discount);
        _discounts.Add(discount);
        var couponId = await _coupons.CreateAsync(
            new CouponTerms(discount.Name, CouponValidityKind.DaysFromReceipt, null, null, 30, 3, SharingMode.Shareable, DiscountId: discount.Id),
            new CouponDisplay("10% off", 0, null, 0));

        // as nopCommerce's discount page stores a requirement: under a top-level "and" group
        var group = new DiscountRequirement { DiscountId = discount.Id, IsGroup = true, InteractionType = RequirementGroupInteractionType.And };
        await discounts.InsertDiscountRequirementAsync(group);
        var requirement = new DiscountRequirement { DiscountId = discount.Id, ParentId = group.Id, DiscountRequirementRuleSystemName = LoyaltyDefaults.SystemName };
        await discounts.InsertDiscountRequirementAsync(requirement);
        await GetService<ISettingService>().SetSettingAsync(string.Format(CouponDiscountRequirement.SettingKey, requirement.Id), couponId);
        return (discount, couponId);
    }

    private async Task IssueAsync(int couponId, params Customer[] customers)
    {
        var distributionId = await _pipeline.QueueDistributionAsync(new DistributionRow
        {
            CouponId = couponId,
            StoreId = StoreId,
            TargetJson = GrantTargetJson.Serialize(new CustomerListTarget(customers.Select(c => c.Id).ToArray(), [], null)),
            PlannedCount = customers.Length
        });
        Assert.That(await _pipeline.RunDistributionAsync(distributionId), Is.EqualTo(GrantRunOutcome.Completed));
    }

    private static Task<CouponCopy> CopyOfAsync(int couponId, Customer customer) =>
        GetService<IRepository<CouponCopy>>().Table.SingleAsync(c => c.CouponId == couponId && c.CustomerId == customer.Id);

    /// <summary>Places an order of one simple product for the customer through nopCommerce's own checkout service.</summary>
    private async Task<Order> PlaceOrderAsync(Customer customer)
    {
        var attributeMappings = GetService<IRepository<ProductAttributeMapping>>().Table;
        var product = (await GetService<IRepository<Product>>().Table
                .Where(p => p.Published && !p.Deleted && p.ProductTypeId == (int)ProductType.SimpleProduct && p.Price > 10
                            && !p.IsGiftCard && !p.IsDownload && !p.IsRental && !p.IsRecurring && !p.CustomerEntersPrice
                            && !p.RequireOtherProducts && !attributeMappings.Any(m => m.ProductId == p.Id))
                .OrderBy(p => p.Id)
                .ToListAsync())
            .First();
        product.IsShipEnabled = false;
        product.ManageInventoryMethod = ManageInventoryMethod.DontManageStock;
        await GetService<IRepository<Product>>().UpdateAsync(product, false);

        var cart = GetService<IShoppingCartService>();
        foreach (var item in await cart.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, StoreId))
            await cart.DeleteShoppingCartItemAsync(item);
        Assert.That(await cart.AddToCartAsync(customer, product, ShoppingCartType.ShoppingCart, StoreId, quantity: 1), Is.Empty);

        var settingService = GetService<ISettingService>();
        var paymentSettings = await settingService.LoadSettingAsync<PaymentSettings>();
        if (!paymentSettings.ActivePaymentMethodSystemNames.Contains("Payments.TestMethod"))
        {
            paymentSettings.ActivePaymentMethodSystemNames.Add("Payments.TestMethod");
            await settingService.SaveSettingAsync(paymentSettings);
        }

        var result = await GetService<IOrderProcessingService>().PlaceOrderAsync(new ProcessPaymentRequest
        {
            StoreId = StoreId,
            CustomerId = customer.Id,
            PaymentMethodSystemName = "Payments.TestMethod",
            OrderGuid = Guid.NewGuid()
        });
        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
        return result.PlacedOrder;
    }

    [Test]
    public async Task The_migration_creates_the_coupon_tables_with_the_unique_copy_index()
    {
        Assert.DoesNotThrowAsync(async () =>
        {
            await GetService<IRepository<Coupon>>().Table.CountAsync();
            await GetService<IRepository<CouponDistribution>>().Table.CountAsync();
            await GetService<IRepository<CouponCopy>>().Table.CountAsync();
            await GetService<IRepository<CouponShare>>().Table.CountAsync();
            await GetService<IRepository<CouponUse>>().Table.CountAsync();
            await GetService<IRepository<CouponReferral>>().Table.CountAsync();
        });

        // IX_Loyalty_CouponCopy_Source: a second copy from the same source to the same customer is refused.
        var writer = ActivatorUtilities.CreateInstance<NopCouponWriter>(ServiceProvider);
        var customer = (await CreateCustomersAsync(1, "cpnidx"))[0];
        var now = DateTime.UtcNow;
        CopyRow Copy() => new()
        {
            CouponId = 1, CustomerId = customer.Id, OriginId = (int)CopyOrigin.Share, SourceId = int.MaxValue - customer.Id,
            ReceivedOnUtc = now, ValidFromUtc = now, ValidUntilUtc = now.AddDays(1), UsesTotal = 1, UsesLeft = 1
        };
        var first = await writer.TryInsertCopyAsync(Copy());
        var second = await writer.TryInsertCopyAsync(Copy());
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null, "the first copy");
            Assert.That(second, Is.Null, "the duplicate");
        });
    }

    [Test]
    public async Task A_holders_order_gets_the_linked_discount_and_uses_one_use()
    {
        var (discount, couponId) = await CouponDiscountAsync();
        var holder = await GetService<ICustomerService>().GetCustomerByEmailAsync(NopTestsDefaults.AdminEmail);
        await IssueAsync(couponId, holder);
        Assert.That((await CopyOfAsync(couponId, holder)).UsesLeft, Is.EqualTo(3));
        Assert.That((await GetService<IDiscountService>().ValidateDiscountAsync(discount, holder, [])).IsValid, Is.True, "the holder may apply it");

        var order = await PlaceOrderAsync(holder);

        var usedDiscounts = await GetService<IDiscountService>().GetAllDiscountUsageHistoryAsync(orderId: order.Id);
        var copy = await CopyOfAsync(couponId, holder);
        var uses = await GetService<IRepository<CouponUse>>().Table.Where(u => u.OrderId == order.Id).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(usedDiscounts.Select(h => h.DiscountId), Does.Contain(discount.Id), "nopCommerce applied the linked discount");
            Assert.That(order.OrderDiscount, Is.GreaterThan(0m));
            Assert.That(copy.UsesLeft, Is.EqualTo(2), "one use taken");
            Assert.That(uses.Select(u => (u.CopyId, u.KindId)), Is.EqualTo(new[] { (copy.Id, (int)UseKind.Online) }));
        });
    }

    [Test]
    public async Task Cancelling_the_order_gives_the_use_back_to_the_valid_copy()
    {
        var (_, couponId) = await CouponDiscountAsync();
        var holder = await GetService<ICustomerService>().GetCustomerByEmailAsync(NopTestsDefaults.AdminEmail);
        await IssueAsync(couponId, holder);
        var order = await PlaceOrderAsync(holder);
        Assert.That((await CopyOfAsync(couponId, holder)).UsesLeft, Is.EqualTo(2), "used by the order");

        await GetService<IOrderProcessingService>().CancelOrderAsync(order, false);

        var use = await GetService<IRepository<CouponUse>>().Table.SingleAsync(u => u.OrderId == order.Id);
        var copy = await CopyOfAsync(couponId, holder);
        Assert.Multiple(() =>
        {
            Assert.That(copy.UsesLeft, Is.EqualTo(3), "given back");
            Assert.That(use.ReturnedOnUtc, Is.Not.Null, "the use stays in the history, marked returned");
        });
    }

    [Test]
    public async Task A_customer_without_a_copy_cannot_apply_the_discount()
    {
        var (discount, couponId) = await CouponDiscountAsync();
        var (holder, other) = (await CreateCustomersAsync(2, "cpnnon")) switch { var c => (c[0], c[1]) };
        await IssueAsync(couponId, holder);

        var discounts = GetService<IDiscountService>();
        var forOther = await discounts.ValidateDiscountAsync(discount, other, []);
        var forHolder = await discounts.ValidateDiscountAsync(discount, holder, []);
        Assert.Multiple(() =>
        {
            Assert.That(forOther.IsValid, Is.False, "no copy");
            Assert.That(forHolder.IsValid, Is.True, "the holder, for comparison");
        });
    }

    [Test]
    public async Task An_expired_copy_cannot_apply_the_discount()
    {
        var (discount, couponId) = await CouponDiscountAsync();
        var holder = (await CreateCustomersAsync(1, "cpnexp"))[0];
        await IssueAsync(couponId, holder);
        var discounts = GetService<IDiscountService>();
        Assert.That((await discounts.ValidateDiscountAsync(discount, holder, [])).IsValid, Is.True, "valid before it ends");

        // Time passes: the copy's end is now behind us.
        var copy = await CopyOfAsync(couponId, holder);
        copy.ValidUntilUtc = DateTime.UtcNow.AddMinutes(-1);
        await GetService<IRepository<CouponCopy>>().UpdateAsync(copy, false);

        Assert.That((await discounts.ValidateDiscountAsync(discount, holder, [])).IsValid, Is.False);
    }
}
