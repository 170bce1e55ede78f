using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Domain.Customers;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Localization;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Infrastructure;

/// <summary>
/// Registers the plugin's services. Its Order (3000) is above nopCommerce's NopStartup (2000), so the
/// IRewardPointService registered here is the last registration and wins.
/// </summary>
public class PluginNopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IRewardPointService, LoyaltyRewardPointService>();

        // The engine's pipeline over nopCommerce's repositories.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<NopLoyaltyData>();
        services.AddScoped<ILoyaltyData>(provider => provider.GetRequiredService<NopLoyaltyData>());
        services.AddScoped<ILoyaltyWriter, NopLoyaltyWriter>();
        services.AddScoped<ILoyaltyObserver, NopLoyaltyObserver>();
        services.AddScoped<ILedgerTexts, NopLedgerTexts>();
        services.AddScoped(provider => new PipelineOptions(provider.GetRequiredService<LoyaltySettings>().GrantChunkSize,
            PointsPerStore: !provider.GetRequiredService<RewardPointsSettings>().PointsAccumulatedForAllStores));
        services.AddScoped<SpecialPointsPipeline>();

        services.AddScoped<LoyaltyMessageService>();
        // The observer queues grant emails; nopCommerce's token providers can reach the reward point service, which runs the pipeline.
        services.AddScoped(provider => new Lazy<LoyaltyMessageService>(provider.GetRequiredService<LoyaltyMessageService>));
        services.AddScoped<UploadedListService>();
        services.AddScoped<GrantTargetFactory>();
        services.AddScoped<TargetDescriber>();
        services.AddScoped<IGrantWizardService, GrantWizardService>();
        services.AddScoped<ISpecialGrantService, SpecialGrantService>();
        services.AddScoped<PointsStatementService>();
        services.AddScoped<LoyaltyDates>();
        services.AddScoped<StoreSourcesFactory>();
        services.AddScoped<StoreSegmentCatalog>();
        services.AddScoped<CollectedCustomerFields>();
        services.AddScoped<PurchaseLineSync>();
        services.AddScoped<ISegmentService, SegmentService>();
        services.AddScoped<IGrantRunQueue, HangfireGrantRunQueue>();
        services.AddScoped<GrantRunJob>();
        services.AddScoped<LoyaltyLanguageSetup>();
        services.AddScoped<Services.Tags.IMemberTagService, Services.Tags.MemberTagService>();
        services.AddScoped<Services.Tags.TagRoleSync>();
        services.AddScoped<Services.Tags.TagReportService>();
        services.AddScoped<Factories.TagReportModelFactory>();
        services.AddScoped<Services.Tags.CampaignTaggingService>();
        services.AddScoped<Services.Tags.CampaignTaggingJob>();
        services.AddScoped<Services.Tags.CustomerTagBadgeService>();

        // Member tags: the engine's tag pipeline over nopCommerce's customer roles.
        services.AddScoped<ITagStore, NopTagStore>();
        services.AddScoped<ITagObserver, NopTagObserver>();
        services.AddScoped(provider => new TagPipelineOptions(provider.GetRequiredService<Nop.Services.Helpers.IDateTimeHelper>().DefaultStoreTimeZone,
            provider.GetRequiredService<LoyaltySettings>().GrantChunkSize));
        services.AddScoped<MemberTagPipeline>();
        services.AddScoped<ITagJobs, HangfireTagJobs>();
        services.AddScoped<TagRunJob>();

        // Coupons: the engine's coupon pipeline over the plugin's coupon tables.
        services.AddScoped<ICouponData, Services.Coupons.NopCouponData>();
        services.AddScoped<ICouponWriter, Services.Coupons.NopCouponWriter>();
        services.AddScoped<ICouponObserver, Services.Coupons.NopCouponObserver>();
        services.AddScoped(provider => new Engine.Coupons.CouponOptions(
            provider.GetRequiredService<Nop.Services.Helpers.IDateTimeHelper>().DefaultStoreTimeZone,
            provider.GetRequiredService<LoyaltySettings>().GrantChunkSize));
        services.AddScoped<Engine.Coupons.CouponPipeline>();
        services.AddScoped<Services.Coupons.CouponSigningKey>();
        services.AddScoped<Services.Coupons.CouponDefinitionService>();
        services.AddScoped<Factories.CouponModelFactory>();
        services.AddScoped<Services.Coupons.CouponDiscountRequirement>();
        services.AddScoped<Services.Coupons.CouponLinkCookie>();
        services.AddScoped<Services.Coupons.CouponStaff>();
        services.AddScoped<Factories.CouponWalletModelFactory>();
        // Coupon distribution: runs queued to Hangfire like grant runs.
        services.AddScoped<Services.Coupons.ICouponDistributionQueue, Services.Coupons.HangfireCouponDistributionQueue>();
        services.AddScoped<Services.Coupons.CouponDistributionJob>();
        services.AddScoped<Services.Coupons.CouponDistributionService>();

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            UseStoreDatabase(config);
        });
        services.AddHangfireServer(options =>
        {
            options.Queues = [LoyaltyDefaults.HangfireQueue];
            options.WorkerCount = 2;
            options.ServerName = $"{Environment.MachineName}:{LoyaltyDefaults.SystemName}";
        });
    }

    /// <summary>
    /// Keeps Hangfire's jobs in the store's own database where Hangfire has a storage for it (SQL Server, PostgreSQL);
    /// in memory otherwise (MySQL, or before nopCommerce is installed). In memory, the resume task re-enqueues
    /// runs lost by a restart: every run is checkpointed in the grant row. Uninstalling drops the schema (HangfireStorage).
    /// </summary>
    private static void UseStoreDatabase(IGlobalConfiguration config)
    {
        var data = DataSettingsManager.IsDatabaseInstalled() ? DataSettingsManager.LoadSettings() : null;
        var connectionString = data?.ConnectionString;
        switch (data?.DataProvider)
        {
            case DataProviderType.SqlServer when !string.IsNullOrEmpty(connectionString):
                config.UseSqlServerStorage(() => new Microsoft.Data.SqlClient.SqlConnection(connectionString),
                    new SqlServerStorageOptions { SchemaName = HangfireStorage.SqlServerSchema, PrepareSchemaIfNecessary = true });
                break;

            case DataProviderType.PostgreSQL when !string.IsNullOrEmpty(connectionString):
                config.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions { SchemaName = HangfireStorage.PostgreSqlSchema, PrepareSchemaIfNecessary = true });
                break;

            default:
                config.UseInMemoryStorage();
                break;
        }
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 3000;
}
