using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Rewrites an order's rows in the purchase table when nopCommerce inserts, updates or deletes one of its lines, or
/// updates or deletes the order (status changes, and deletion, which for orders only sets Deleted).
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

    public Task HandleEventAsync(EntityInsertedEvent<OrderItem> eventMessage) => RefreshAsync(eventMessage.Entity?.OrderId);

    public Task HandleEventAsync(EntityUpdatedEvent<OrderItem> eventMessage) => RefreshAsync(eventMessage.Entity?.OrderId);

    public Task HandleEventAsync(EntityDeletedEvent<OrderItem> eventMessage) => RefreshAsync(eventMessage.Entity?.OrderId);

    public Task HandleEventAsync(EntityUpdatedEvent<Order> eventMessage) => RefreshAsync(eventMessage.Entity?.Id);

    public Task HandleEventAsync(EntityDeletedEvent<Order> eventMessage) => RefreshAsync(eventMessage.Entity?.Id);

    private async Task RefreshAsync(int? orderId)
    {
        if (orderId is not > 0)
            return;

        // The plugin's assembly, and so this consumer, is loaded from the moment the plugin is marked for installation
        // until the restart after its uninstallation; the table exists only while it is installed.
        var descriptor = await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName);
        if (descriptor is not { Installed: true })
            return;

        // Resolved only now, and created when a host's container lacks it (nopCommerce's test harness builds its
        // container without plugin startups): a consumer that cannot be constructed would fail nopCommerce's own writes.
        var sync = ActivatorUtilities.GetServiceOrCreateInstance<PurchaseLineSync>(_serviceProvider);
        await sync.RefreshOrderAsync(orderId.Value);
    }
}
