using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Configuration;
using Nop.Services.Plugins;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.PurchaseLines;

/// <summary>One purchase row as the tests compare them (order line, its order's customer, store, status, deletion, date, amount).</summary>
public sealed record Row(int OrderItemId, int OrderId, int CustomerId, int StoreId, int ProductId, int OrderStatusId, bool Deleted,
    DateTime CreatedOnUtc, decimal PriceInclTax);

/// <summary>
/// The purchase table on nopCommerce's harness: the plugin counts as installed (so its event consumer, which the
/// harness registers with every other consumer, keeps the table in sync), and expectations come from the store's
/// orders and lines read directly.
/// </summary>
public abstract class PurchaseLineFixture : LoyaltyHarness
{
    private PluginDescriptor _descriptor;

    protected PurchaseLineSync Sync { get; private set; }
    protected IRepository<PurchaseLine> Table => GetService<IRepository<PurchaseLine>>();

    [OneTimeSetUp]
    public async Task SetUpPurchaseLinesAsync()
    {
        await CreateServicesAsync();
        Sync = ActivatorUtilities.CreateInstance<PurchaseLineSync>(ServiceProvider);

        _descriptor = new PluginDescriptor
        {
            PluginType = typeof(LoyaltyPlugin),
            SystemName = LoyaltyDefaults.SystemName,
            FriendlyName = "Loyalty",
            Installed = true,
            ReferencedAssembly = typeof(LoyaltyPlugin).Assembly
        };
        Singleton<IPluginsInfo>.Instance.PluginDescriptors.Add((_descriptor, true));
    }

    [OneTimeTearDown]
    public void RemoveDescriptor()
    {
        var descriptors = Singleton<IPluginsInfo>.Instance.PluginDescriptors;
        var entry = descriptors.FirstOrDefault(d => d.pluginDescriptor == _descriptor);
        if (entry.pluginDescriptor != null)
            descriptors.Remove(entry);
    }

    protected static async Task SaveFillStateAsync(int filledThroughOrderId, bool complete)
    {
        var settingService = GetService<ISettingService>();
        var settings = await settingService.LoadSettingAsync<LoyaltySettings>();
        settings.PurchaseLinesFilledThroughOrderId = filledThroughOrderId;
        settings.PurchaseLinesComplete = complete;
        await settingService.SaveSettingAsync(settings);
    }

    protected static Task<LoyaltySettings> LoadSettingsAsync() => GetService<ISettingService>().LoadSettingAsync<LoyaltySettings>();

    /// <summary>Empties the table and fills it again from the first order; returns how many chunks it took.</summary>
    protected async Task<int> FillFromScratchAsync(int chunkOrders)
    {
        await Table.DeleteAsync(p => true);
        await SaveFillStateAsync(0, false);

        var chunks = 1;
        while (!await Sync.FillNextRangeAsync(chunkOrders))
        {
            if (++chunks > 100_000)
                Assert.Fail("The fill never completes.");
        }

        return chunks;
    }

    /// <summary>What the table must hold: every order line of the store with its order's columns.</summary>
    protected static async Task<List<Row>> ExpectedRowsAsync()
    {
        var orders = (await GetService<IRepository<Order>>().Table.ToListAsync()).ToDictionary(o => o.Id);
        var items = await GetService<IRepository<OrderItem>>().Table.ToListAsync();
        return items
            .Select(i => (Item: i, Order: orders[i.OrderId]))
            .Select(x => new Row(x.Item.Id, x.Order.Id, x.Order.CustomerId, x.Order.StoreId, x.Item.ProductId, x.Order.OrderStatusId,
                x.Order.Deleted, x.Order.CreatedOnUtc, x.Item.PriceInclTax))
            .OrderBy(r => r.OrderItemId)
            .ToList();
    }

    protected async Task<List<Row>> TableRowsAsync(int? orderId = null)
    {
        var query = Table.Table;
        if (orderId is { } id)
            query = query.Where(p => p.OrderId == id);
        return (await query.ToListAsync())
            .Select(p => new Row(p.OrderItemId, p.OrderId, p.CustomerId, p.StoreId, p.ProductId, p.OrderStatusId, p.Deleted, p.CreatedOnUtc, p.PriceInclTax))
            .OrderBy(r => r.OrderItemId)
            .ToList();
    }

    /// <summary>Segments over the store's sources, reading the purchase table or joining orders to lines.</summary>
    protected (StoreSourcesFactory Sources, SegmentService Segments) SegmentsOver(bool purchaseTable)
    {
        var provider = ServiceProvider;
        var settings = new LoyaltySettings { PurchaseLinesComplete = purchaseTable };
        var sources = ActivatorUtilities.CreateInstance<StoreSourcesFactory>(provider, settings);
        var data = ActivatorUtilities.CreateInstance<Services.Points.NopLoyaltyData>(provider, sources);
        var catalog = ActivatorUtilities.CreateInstance<StoreSegmentCatalog>(provider);
        var segments = ActivatorUtilities.CreateInstance<SegmentService>(provider, sources, (Engine.Ports.ILoyaltyData)data, catalog,
            ActivatorUtilities.CreateInstance<TargetDescriber>(provider, catalog));
        return (sources, segments);
    }

    /// <summary>Registered, active, not deleted, non-system customers: the only ones a segment can select.</summary>
    protected async Task<HashSet<int>> RegisteredCustomerIdsAsync()
    {
        var registeredRoleId = RegisteredRoleId;
        var mappings = GetService<IRepository<CustomerCustomerRoleMapping>>().Table;
        return (await GetService<IRepository<Customer>>().Table
                .Where(c => c.Active && !c.Deleted && !c.IsSystemAccount
                            && mappings.Any(m => m.CustomerId == c.Id && m.CustomerRoleId == registeredRoleId))
                .Select(c => c.Id)
                .ToListAsync())
            .ToHashSet();
    }
}
