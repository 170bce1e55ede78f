using System.Runtime.CompilerServices;
using System.Text;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Localization;
using Nop.Data;
using Nop.Plugin.Loyalty.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Stores;
using Nop.Tests.Nop.Services.Tests;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>Grant runs recorded instead of queued to Hangfire; tests run them themselves.</summary>
public sealed class RecordingGrantRunQueue : IGrantRunQueue
{
    public List<int> Enqueued { get; } = new();

    public Task EnqueueAsync(int grantId)
    {
        Enqueued.Add(grantId);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The plugin's services on nopCommerce's test harness. The harness builds its container once, without plugin
/// startups, so the plugin's services are created over it here (as PluginNopStartup registers them in a store).
/// </summary>
public abstract class LoyaltyHarness : ServiceTest
{
    private static bool _migrated;
    private static readonly object MigrationLock = new();

    protected LoyaltySettings Settings { get; private set; }
    protected RecordingGrantRunQueue Queue { get; private set; }
    protected SpecialPointsPipeline Pipeline { get; private set; }
    protected LoyaltyRewardPointService RewardPoints { get; private set; }
    protected GrantWizardService Wizard { get; private set; }
    protected SpecialGrantService Grants { get; private set; }
    protected PointsStatementService Statements { get; private set; }
    protected StoreSourcesFactory Sources { get; private set; }
    protected SegmentService Segments { get; private set; }
    protected TargetDescriber Describer { get; private set; }
    protected UploadedListService UploadedLists { get; private set; }
    protected int StoreId { get; private set; }
    protected int RegisteredRoleId { get; private set; }

    /// <summary>Applies the plugin's schema migration once per test run (as nopCommerce does at install).</summary>
    protected void ApplyMigration()
    {
        lock (MigrationLock)
        {
            if (_migrated)
                return;
            using var scope = ServiceProvider.CreateScope();
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new SchemaMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new SegmentSchemaMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new PurchaseLineSchemaMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new GrantLeaseMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new UploadedListMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new MemberTagMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new MemberTagRunMigration());
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new CouponMigration());
            _migrated = true;
        }
    }

    protected async Task CreateServicesAsync(int chunkSize = 2)
    {
        ApplyMigration();
        Settings = new LoyaltySettings { GrantChunkSize = chunkSize, PurgeAfterDays = 30, NotifyCustomers = true };
        Queue = new RecordingGrantRunQueue();

        var provider = ServiceProvider;
        var options = new PipelineOptions(chunkSize,
            PointsPerStore: !GetService<RewardPointsSettings>().PointsAccumulatedForAllStores);
        Sources = ActivatorUtilities.CreateInstance<StoreSourcesFactory>(provider, Settings);
        var data = ActivatorUtilities.CreateInstance<NopLoyaltyData>(provider, Sources);
        var messages = ActivatorUtilities.CreateInstance<LoyaltyMessageService>(provider, (ILoyaltyData)data, options, Settings);
        var observer = ActivatorUtilities.CreateInstance<NopLoyaltyObserver>(provider, new Lazy<LoyaltyMessageService>(() => messages));
        Pipeline = new SpecialPointsPipeline(data, ActivatorUtilities.CreateInstance<NopLoyaltyWriter>(provider), observer,
            ActivatorUtilities.CreateInstance<NopLedgerTexts>(provider), TimeProvider.System, options);
        RewardPoints = ActivatorUtilities.CreateInstance<LoyaltyRewardPointService>(provider, Pipeline);
        var catalog = ActivatorUtilities.CreateInstance<StoreSegmentCatalog>(provider);
        Describer = ActivatorUtilities.CreateInstance<TargetDescriber>(provider, catalog);
        Segments = ActivatorUtilities.CreateInstance<SegmentService>(provider, Sources, (ILoyaltyData)data, catalog, Describer);
        UploadedLists = ActivatorUtilities.CreateInstance<UploadedListService>(provider, TimeProvider.System);
        Wizard = ActivatorUtilities.CreateInstance<GrantWizardService>(provider, Pipeline, (IGrantRunQueue)Queue, Sources,
            ActivatorUtilities.CreateInstance<GrantTargetFactory>(provider, (ISegmentService)Segments, UploadedLists), Describer,
            UploadedLists);
        Grants = ActivatorUtilities.CreateInstance<SpecialGrantService>(provider, Pipeline, (IGrantRunQueue)Queue, (ILoyaltyData)data);
        Statements = ActivatorUtilities.CreateInstance<PointsStatementService>(provider, (IRewardPointService)RewardPoints, Settings,
            data, options, TimeProvider.System);

        // The plugin's English texts in the store's languages, as installation leaves them.
        foreach (var language in await GetService<ILanguageService>().GetAllLanguagesAsync(true))
            await ImportShippedResourcesAsync(language, "en-US");

        StoreId = (await GetService<IStoreService>().GetAllStoresAsync()).First().Id;
        RegisteredRoleId = (await GetService<ICustomerService>().GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.RegisteredRoleName)).Id;
    }

    /// <summary>The member tag tables, unless another fixture created them already in this run's database.</summary>
    protected async Task EnsureTagTablesAsync()
    {
        try
        {
            await GetService<IRepository<MemberTag>>().Table.AnyAsync();
        }
        catch (Exception)
        {
            using var scope = ServiceProvider.CreateScope();
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().Up(new MemberTagMigration());
        }
    }

    /// <summary>Imports the repository's Localization/{culture}.nopres.xml into the language.</summary>
    protected async Task ImportShippedResourcesAsync(Language language, string culture, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "..", "Localization", $"{culture}.nopres.xml");
        using var reader = new StreamReader(path, Encoding.UTF8);
        await GetService<ILocalizationService>().ImportResourcesFromXmlAsync(language, reader);
    }

    /// <summary>Registered, active customers, inserted in bulk.</summary>
    protected async Task<IList<Customer>> CreateCustomersAsync(int count, string prefix)
    {
        var now = DateTime.UtcNow;
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = Enumerable.Range(1, count).Select(i => new Customer
        {
            CustomerGuid = Guid.NewGuid(),
            Email = $"{prefix}{i}.{run}@loyalty.test",
            Username = $"{prefix}{i}.{run}@loyalty.test",
            FirstName = prefix,
            LastName = i.ToString(),
            Active = true,
            CreatedOnUtc = now,
            LastActivityDateUtc = now,
            RegisteredInStoreId = StoreId
        }).ToList();

        await GetService<IRepository<Customer>>().InsertAsync(customers, false);
        await GetService<IRepository<CustomerCustomerRoleMapping>>().InsertAsync(customers
            .Select(c => new CustomerCustomerRoleMapping { CustomerId = c.Id, CustomerRoleId = RegisteredRoleId })
            .ToList(), false);
        return customers;
    }

    /// <summary>A draft granting to the customers by id, their list stored as the wizard stores it (plus any extra lines).</summary>
    protected async Task<GrantDraft> ListDraftAsync(string name, int points, IEnumerable<Customer> customers, DateTime expiresOnUtc,
        params string[] extraLines)
    {
        var text = string.Join(Environment.NewLine, customers.Select(c => c.Id.ToString()).Concat(extraLines));
        var stored = await UploadedLists.SaveAsync(text, "test", null);
        return new GrantDraft
        {
            Name = name,
            Points = points,
            ExpiresOnUtc = expiresOnUtc,
            StoreId = StoreId,
            NotifyCustomers = true,
            TargetKind = GrantTargetKind.CustomerList,
            CustomerListToken = stored.Token
        };
    }

    /// <summary>Creates and runs a grant to the listed customers.</summary>
    protected async Task<SpecialGrant> GrantAsync(string name, int points, IEnumerable<Customer> customers, DateTime expiresOnUtc)
    {
        var grant = await Wizard.CreateGrantAsync(await ListDraftAsync(name, points, customers, expiresOnUtc), 0);
        await Grants.RunAsync(grant.Id);
        return await Grants.GetGrantByIdAsync(grant.Id);
    }

    /// <summary>The balance as the store reports it (the plugin's reward point service).</summary>
    protected Task<int> BalanceAsync(Customer customer) => RewardPoints.GetRewardPointsBalanceAsync(customer.Id, StoreId);

    protected async Task<RewardPointsHistory> LotOfAsync(SpecialGrant grant, Customer customer)
    {
        var recipient = await GetService<IRepository<SpecialGrantRecipient>>().Table
            .FirstOrDefaultAsync(r => r.GrantId == grant.Id && r.CustomerId == customer.Id);
        return recipient == null ? null : await GetService<IRepository<RewardPointsHistory>>().GetByIdAsync(recipient.LedgerEntryId);
    }

    /// <summary>Moves a lot's expiry into the past, as if time had passed.</summary>
    protected async Task ExpireLotOnAsync(RewardPointsHistory lot, DateTime endDateUtc)
    {
        lot.EndDateUtc = endDateUtc;
        await GetService<IRepository<RewardPointsHistory>>().UpdateAsync(lot, false);
    }

    /// <summary>Every balance in the customer's history is non-negative.</summary>
    protected async Task<bool> NeverNegativeAsync(Customer customer)
    {
        var id = customer.Id;
        return !await GetService<IRepository<RewardPointsHistory>>().Table
            .AnyAsync(e => e.CustomerId == id && e.PointsBalance < 0);
    }

}
