using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Services.Configuration;
using Nop.Services.Helpers;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>The tag pipeline for code that may run where the plugin's startup did not register it (nopCommerce's test harness).</summary>
public static class TagServices
{
    /// <summary>The container's pipeline, or one built over the same services as PluginNopStartup builds it.</summary>
    public static async Task<MemberTagPipeline> GetPipelineAsync(IServiceProvider provider)
    {
        if (provider.GetService<MemberTagPipeline>() is { } pipeline)
            return pipeline;

        var settings = provider.GetService<LoyaltySettings>() ?? await provider.GetRequiredService<ISettingService>().LoadSettingAsync<LoyaltySettings>();
        var sources = provider.GetService<StoreSourcesFactory>() ?? ActivatorUtilities.CreateInstance<StoreSourcesFactory>(provider, settings);
        return new MemberTagPipeline(ActivatorUtilities.CreateInstance<NopTagStore>(provider, sources),
            ActivatorUtilities.CreateInstance<NopTagObserver>(provider),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            new TagPipelineOptions(provider.GetRequiredService<IDateTimeHelper>().DefaultStoreTimeZone, settings.GrantChunkSize));
    }
}
