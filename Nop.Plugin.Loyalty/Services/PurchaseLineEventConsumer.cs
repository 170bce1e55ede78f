using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Keeps the purchase table current: rewrites a line's row when nopCommerce inserts, updates or deletes that line, and
/// sets the order's fields on its rows when nopCommerce updates or deletes the order (status changes, and deletion,
/// which for orders only sets Deleted).
/// </summary>
/// <remarks>
/// nopCommerce publishes these from its repositories (EntityRepository.InsertAsync/UpdateAsync/DeleteAsync), which
/// OrderService uses for every write to orders and lines. An inserted order has no lines yet: they follow, each with
/// its own event. Orders copied by the first fill or not yet reached by it are rewritten alike; the fill repeats the
/// latter from the store anyway.
/// </remarks>
public class PurchaseLineEventConsumer :
    IConsumer<EntityInsertedEvent<OrderItem>>,
    IConsumer<EntityUpdatedEvent<OrderItem>>,
    IConsumer<EntityDeletedEvent<OrderItem>>,
    IConsumer<EntityUpdatedEvent<Order>>,
    IConsumer<EntityDeletedEvent<Order>>
{
    private readonly IPluginService _pluginService;
    private readonly IServiceProvider _serviceProvider;

    public PurchaseLineEventConsumer(IPluginService pluginService, IServiceProvider serviceProvider)
    {
        _pluginService = pluginService;
        _serviceProvider = serviceProvider;
    }

    public Task HandleEventAsync(EntityInsertedEvent<OrderItem> eventMessage) => RefreshLineAsync(eventMessage.Entity);

    public Task HandleEventAsync(EntityUpdatedEvent<OrderItem> eventMessage) => RefreshLineAsync(eventMessage.Entity);

    public Task HandleEventAsync(EntityDeletedEvent<OrderItem> eventMessage) => RefreshLineAsync(eventMessage.Entity);

    public Task HandleEventAsync(EntityUpdatedEvent<Order> eventMessage) => RefreshOrderAsync(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityDeletedEvent<Order> eventMessage) => RefreshOrderAsync(eventMessage.Entity?.Id);

    // A line's row alone: checkout inserts an order's lines one by one, and rewriting the whole order each time made
    // placing an order quadratic in its lines.
    private async Task RefreshLineAsync(OrderItem item)
    {
        if (item is not { OrderId: > 0, Id: > 0 } || await GetSyncAsync() is not { } sync)
            return;
        await sync.RefreshOrderItemAsync(item.OrderId, item.Id);
    }

    private async Task RefreshOrderAsync(int? orderId)
    {
        if (orderId is not > 0 || await GetSyncAsync() is not { } sync)
            return;
        await sync.RefreshOrderFieldsAsync(orderId.Value);
    }

    private async Task<PurchaseLineSync> GetSyncAsync()
    {
        // The plugin's assembly, and so this consumer, is loaded from the moment the plugin is marked for installation
        // until the restart after its uninstallation; the table exists only while it is installed.
        var descriptor = await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName);
        if (descriptor is not { Installed: true })
            return null;

        // Resolved only now, and created when a host's container lacks it (nopCommerce's test harness builds its
        // container without plugin startups): a consumer that cannot be constructed would fail nopCommerce's own writes.
        return ActivatorUtilities.GetServiceOrCreateInstance<PurchaseLineSync>(_serviceProvider);
    }
}
