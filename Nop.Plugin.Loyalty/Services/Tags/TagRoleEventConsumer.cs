using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>
/// Keeps tags and their roles together when a role is changed on nopCommerce's own customer roles page: a deleted role
/// takes its tag with it; a renamed one renames the tag (the name lives on the role), and a tag role's system name is
/// kept as Loyalty.Tag.&lt;id&gt;. The plugin's own writes reach here too and find nothing left to do, so nothing loops.
/// </summary>
public class TagRoleEventConsumer : IConsumer<EntityDeletedEvent<CustomerRole>>, IConsumer<EntityUpdatedEvent<CustomerRole>>
{
    private readonly IPluginService _pluginService;
    private readonly IServiceProvider _serviceProvider;

    public TagRoleEventConsumer(IPluginService pluginService, IServiceProvider serviceProvider)
    {
        _pluginService = pluginService;
        _serviceProvider = serviceProvider;
    }

    public async Task HandleEventAsync(EntityDeletedEvent<CustomerRole> eventMessage)
    {
        if (eventMessage.Entity is { IsSystemRole: false } role && await GetServiceAsync() is { } service)
            await service.RoleDeletedAsync(role);
    }

    public async Task HandleEventAsync(EntityUpdatedEvent<CustomerRole> eventMessage)
    {
        if (eventMessage.Entity is { IsSystemRole: false } role && await GetServiceAsync() is { } service)
            await service.RoleUpdatedAsync(role);
    }

    private async Task<TagRoleSync> GetServiceAsync()
    {
        // Loaded from the moment the plugin is marked for installation; the tag tables exist only while it is installed.
        var descriptor = await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName);
        if (descriptor is not { Installed: true })
            return null;

        // Created when the host's container lacks it (nopCommerce's test harness has no plugin startups).
        return ActivatorUtilities.GetServiceOrCreateInstance<TagRoleSync>(_serviceProvider);
    }
}
