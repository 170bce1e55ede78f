using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Configuration;
using Nop.Services.Helpers;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// The coupon services for code that may run where the plugin's startup did not register them (the discount rule and
/// the order consumer are created by nopCommerce itself; its test harness has no plugin startup).
/// </summary>
public static class CouponServices
{
    /// <summary>The container's pipeline, or one built over the same services as PluginNopStartup builds it.</summary>
    public static async Task<CouponPipeline> GetPipelineAsync(IServiceProvider provider)
    {
        if (provider.GetService<CouponPipeline>() is { } pipeline)
            return pipeline;

        var settings = await SettingsAsync(provider);
        var sources = provider.GetService<StoreSourcesFactory>() ?? ActivatorUtilities.CreateInstance<StoreSourcesFactory>(provider, settings);
        return new CouponPipeline(ActivatorUtilities.CreateInstance<NopCouponData>(provider, sources),
            ActivatorUtilities.CreateInstance<NopCouponWriter>(provider),
            ActivatorUtilities.CreateInstance<NopCouponObserver>(provider),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            await OptionsAsync(provider));
    }

    public static async Task<CouponDefinitionService> GetDefinitionsAsync(IServiceProvider provider) =>
        provider.GetService<CouponDefinitionService>()
        ?? ActivatorUtilities.CreateInstance<CouponDefinitionService>(provider, await GetPipelineAsync(provider), await OptionsAsync(provider));

    public static async Task<CouponDiscountRequirement> GetRequirementAsync(IServiceProvider provider) =>
        provider.GetService<CouponDiscountRequirement>()
        ?? ActivatorUtilities.CreateInstance<CouponDiscountRequirement>(provider, await GetDefinitionsAsync(provider), await GetPipelineAsync(provider));

    private static async Task<CouponOptions> OptionsAsync(IServiceProvider provider) =>
        provider.GetService<CouponOptions>()
        ?? new CouponOptions(provider.GetRequiredService<IDateTimeHelper>().DefaultStoreTimeZone, (await SettingsAsync(provider)).GrantChunkSize);

    private static async Task<LoyaltySettings> SettingsAsync(IServiceProvider provider) =>
        provider.GetService<LoyaltySettings>() ?? await provider.GetRequiredService<ISettingService>().LoadSettingAsync<LoyaltySettings>();
}
