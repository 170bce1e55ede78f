using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Localization;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services.Localization;

/// <summary>
/// A language added after the plugin was installed gets the plugin's texts at once (resources of its culture, English
/// otherwise, and the grant email), instead of showing resource keys until someone imports a file by hand.
/// </summary>
public class LanguageEventConsumer : IConsumer<EntityInsertedEvent<Language>>
{
    private readonly IPluginService _pluginService;
    private readonly IServiceProvider _serviceProvider;

    public LanguageEventConsumer(IPluginService pluginService, IServiceProvider serviceProvider)
    {
        _pluginService = pluginService;
        _serviceProvider = serviceProvider;
    }

    public async Task HandleEventAsync(EntityInsertedEvent<Language> eventMessage)
    {
        if (eventMessage.Entity is not { Id: > 0 } language)
            return;

        // The plugin's assembly is loaded from the moment it is marked for installation until the restart after its
        // uninstallation: only an installed plugin has texts to give.
        var descriptor = await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName);
        if (descriptor is not { Installed: true })
            return;

        // Created when a host's container lacks it (nopCommerce's test harness has no plugin startups).
        await ActivatorUtilities.GetServiceOrCreateInstance<LoyaltyLanguageSetup>(_serviceProvider).SetUpLanguageAsync(language);
    }
}
