using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>A seeded store and the shipping pipeline over it, on each database.</summary>
public abstract class PipelineFixture(DatabaseKind kind) : DatabaseFixture(kind)
{
    protected static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    protected ManualClock Clock { get; private set; } = null!;
    protected CustomerSeeder.Roles Roles { get; private set; } = null!;
    protected IReadOnlyList<int> Registered { get; private set; } = null!;
    protected RecordingObserver Observer { get; private set; } = null!;

    [SetUp]
    public void Seed()
    {
        Clock = new ManualClock(Start);
        Observer = new RecordingObserver();
        Roles = CustomerSeeder.CreateRoles(Db);
        Registered = CustomerSeeder.AddCustomers(Db, Roles, 120, seed: 7);
    }

    [TearDown]
    public void NothingWentWrongUnseen() =>
        Assert.That(Observer.Errors.Select(e => $"{e.Message}: {e.Exception.Message}"), Is.Empty, "the pipeline reported errors");

    protected SpecialPointsPipeline Pipeline(int chunkSize = 1000, bool pointsPerStore = false) =>
        TestPipeline.Create(Db, Clock, new PipelineOptions(chunkSize, pointsPerStore), Observer);

    protected GrantRow Grant(string name, int points, TimeSpan expiresIn, DateTime? activatesOnUtc = null, int storeId = 1,
        GrantTarget? target = null) => new()
    {
        Name = name,
        Points = points,
        ExpiresOnUtc = Clock.UtcNow + expiresIn,
        ActivatesOnUtc = activatesOnUtc,
        StoreId = storeId,
        TargetJson = GrantTargetJson.Serialize(target ?? new AllRegisteredTarget())
    };

    /// <summary>Queues a grant to every registered customer and runs it to the end.</summary>
    protected async Task<int> GrantToAllAsync(SpecialPointsPipeline pipeline, int points, TimeSpan expiresIn, string name = "Autumn bonus",
        DateTime? activatesOnUtc = null, int storeId = 1)
    {
        var grantId = await pipeline.QueueGrantAsync(Grant(name, points, expiresIn, activatesOnUtc, storeId));
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));
        return grantId;
    }

    protected static Task<int> SpendAsync(SpecialPointsPipeline pipeline, int customerId, int points, int storeId = 1) =>
        pipeline.SpendAsync(new PointsSpend(customerId, storeId, points, "Spent", ForOrder: true));

    /// <summary>
    /// An admin's manual adjustment as nopCommerce writes it: an ordinary entry chained from the balance, lots untouched.
    /// The store writes it itself, inside the pipeline's lock on the customer.
    /// </summary>
    protected Task<int> AdjustAsync(SpecialPointsPipeline pipeline, int customerId, int points, int storeId = 1) =>
        pipeline.WithCustomerLockedAsync(customerId, async () =>
        {
            var balance = await pipeline.BalanceAsync(customerId, storeId);
            return await Db.InsertWithInt32IdentityAsync(new NopRewardPointsHistory
            {
                CustomerId = customerId,
                StoreId = storeId,
                Points = points,
                PointsBalance = balance + points,
                Message = "Adjustment",
                CreatedOnUtc = Clock.UtcNow,
                ValidPoints = points > 0 ? points : null
            });
        });

    protected LoyaltySpecialGrant GrantRecord(int grantId) => Db.GetTable<LoyaltySpecialGrant>().Single(g => g.Id == grantId);

    protected LoyaltySpecialGrantRecipient Recipient(int grantId, int customerId) =>
        Db.GetTable<LoyaltySpecialGrantRecipient>().Single(r => r.GrantId == grantId && r.CustomerId == customerId);

    protected NopRewardPointsHistory Lot(int grantId, int customerId)
    {
        var lotId = Recipient(grantId, customerId).LedgerEntryId;
        return Db.GetTable<NopRewardPointsHistory>().Single(h => h.Id == lotId);
    }

    protected int Remaining(int grantId, int customerId) => Lot(grantId, customerId).ValidPoints ?? 0;

    protected List<NopRewardPointsHistory> Entries(int customerId) =>
        Db.GetTable<NopRewardPointsHistory>().Where(h => h.CustomerId == customerId).OrderBy(h => h.Id).ToList();
}

internal static class GrantRecordExtensions
{
    public static GrantStatus Status(this LoyaltySpecialGrant grant) => (GrantStatus)grant.StatusId;
}
