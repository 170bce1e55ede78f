using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>
/// A web farm on one database: each runner or request on its own connection with its own pipeline, at the same time.
/// SQLite is skipped: the tests keep one connection per in-memory database.
/// </summary>
public class ConcurrencyTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private IReadOnlyList<int> _registered = null!;

    [SetUp]
    public void Seed()
    {
        if (Kind == DatabaseKind.Sqlite)
            Assert.Ignore("Concurrency needs a database server; the SQLite store lives on one connection.");
        var roles = CustomerSeeder.CreateRoles(Db);
        _registered = CustomerSeeder.AddCustomers(Db, roles, 1170, seed: 3);
    }

    private static GrantRow Grant(string name, int points) => new()
    {
        Name = name,
        Points = points,
        ExpiresOnUtc = DateTime.UtcNow.AddDays(30),
        StoreId = 1,
        TargetJson = GrantTargetJson.Serialize(new AllRegisteredTarget())
    };

    /// <summary>Now to the millisecond, as the pipeline writes it.</summary>
    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>nopCommerce earning points for an order: an ordinary entry chained from the balance, under the pipeline's lock.</summary>
    private static Task<int> EarnAsync(DataConnection db, SpecialPointsPipeline pipeline, int customerId, int points) =>
        pipeline.WithCustomerLockedAsync(customerId, async () =>
        {
            var balance = await pipeline.BalanceAsync(customerId);
            return await db.InsertWithInt32IdentityAsync(new NopRewardPointsHistory
            {
                CustomerId = customerId,
                StoreId = 1,
                Points = points,
                PointsBalance = balance + points,
                Message = "Earned",
                CreatedOnUtc = Now(),
                ValidPoints = points
            });
        });

    [Test]
    public async Task A_grant_while_eight_threads_spend_and_earn_for_the_same_customers_keeps_every_balance_true()
    {
        var grantId = await TestPipeline.Create(Db, TimeProvider.System).QueueGrantAsync(Grant("Under load", 40));
        var granting = Task.Run(async () =>
        {
            using var db = TestDatabase.Open(Kind);
            return await TestPipeline.Create(db, TimeProvider.System, new PipelineOptions(ChunkSize: 50)).RunAsync(grantId);
        });

        var customers = _registered;
        var workers = Enumerable.Range(1, 8).Select(worker => Task.Run(async () =>
        {
            using var db = TestDatabase.Open(Kind);
            var pipeline = TestPipeline.Create(db, TimeProvider.System);
            var random = new Random(worker);
            var (spent, refused, earned) = (0, 0, 0);
            // Keep going until the grant is done, so that every chunk meets concurrent writes.
            for (var i = 0; i < 40 || !granting.IsCompleted; i++)
            {
                var customer = customers[random.Next(customers.Count)];
                if (random.Next(2) == 0)
                {
                    await EarnAsync(db, pipeline, customer, random.Next(1, 50));
                    earned++;
                    continue;
                }

                try
                {
                    await pipeline.SpendAsync(new PointsSpend(customer, 1, random.Next(1, 30), "Spent", ForOrder: true));
                    spent++;
                }
                catch (LoyaltyRuleException e) when (e.ResourceKey == ResourceKeys.InsufficientPoints)
                {
                    refused++;
                }
            }

            return (spent, refused, earned);
        })).ToList();

        Assert.That(await granting, Is.EqualTo(GrantRunOutcome.Completed));
        var done = await Task.WhenAll(workers);
        Assert.That(done.Sum(d => d.spent), Is.Positive, "some spends went through");
        Assert.That(done.Sum(d => d.earned), Is.Positive);

        // Checked from the table alone, not through the engine's queries.
        var entries = Db.GetTable<NopRewardPointsHistory>().ToList();
        Assert.That(entries.Where(e => e.PointsBalance < 0), Is.Empty, "no negative running balance");
        Assert.That(entries.Where(e => e.PointsBalance == null), Is.Empty);
        var wrong = entries.GroupBy(e => e.CustomerId)
            .Select(g => (Customer: g.Key, Sum: g.Sum(e => e.Points), Latest: g.OrderBy(e => e.CreatedOnUtc).ThenBy(e => e.Id).Last().PointsBalance))
            .Where(x => x.Latest != x.Sum)
            .ToList();
        Assert.That(wrong, Is.Empty, "every customer's latest balance is the sum of their entries");
        foreach (var customer in entries.GroupBy(e => e.CustomerId))
        {
            var running = 0;
            foreach (var entry in customer.OrderBy(e => e.CreatedOnUtc).ThenBy(e => e.Id))
            {
                running += entry.Points;
                Assert.That(entry.PointsBalance, Is.EqualTo(running), $"entry {entry.Id} of customer {customer.Key} chains from the one before");
            }
        }

        var recipients = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.CustomerId).ToList();
        Assert.That(recipients, Is.EquivalentTo(_registered));
        Assert.That(_registered, Has.Count.GreaterThanOrEqualTo(950), "about a thousand recipients");
    }

    [Test]
    public async Task Two_runners_on_one_grant_one_runs_the_other_is_busy()
    {
        var grantId = await TestPipeline.Create(Db, TimeProvider.System).QueueGrantAsync(Grant("Two runners", 10));
        var firstHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstObserver = new RecordingObserver();
        firstObserver.OnGranted = async (_, _) =>
        {
            firstObserver.OnGranted = null;
            firstHolds.SetResult();
            await secondDone.Task; // the first runner holds the grant, between two chunks, until the second has tried
        };

        var first = Task.Run(async () =>
        {
            using var db = TestDatabase.Open(Kind);
            return await TestPipeline.Create(db, TimeProvider.System, new PipelineOptions(ChunkSize: 100), firstObserver).RunAsync(grantId);
        });
        await firstHolds.Task.WaitAsync(TimeSpan.FromMinutes(2));
        GrantRunOutcome second;
        using (var db = TestDatabase.Open(Kind))
            second = await TestPipeline.Create(db, TimeProvider.System, new PipelineOptions(ChunkSize: 100)).RunAsync(grantId);
        secondDone.SetResult();

        Assert.That((await first, second), Is.EqualTo((GrantRunOutcome.Completed, GrantRunOutcome.Busy)));
        AssertEveryoneGrantedOnce(grantId);
        Assert.That(firstObserver.Errors, Is.Empty);
    }

    [Test]
    public async Task Two_runners_started_together_grant_everyone_exactly_once()
    {
        var grantId = await TestPipeline.Create(Db, TimeProvider.System).QueueGrantAsync(Grant("Race", 10));
        using var go = new ManualResetEventSlim();
        var runners = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var db = TestDatabase.Open(Kind);
            var pipeline = TestPipeline.Create(db, TimeProvider.System, new PipelineOptions(ChunkSize: 100));
            go.Wait();
            return await pipeline.RunAsync(grantId);
        })).ToList();
        go.Set();

        var outcomes = await Task.WhenAll(runners);

        Assert.That(outcomes.Count(o => o == GrantRunOutcome.Completed), Is.EqualTo(1), string.Join(", ", outcomes));
        Assert.That(outcomes, Has.All.AnyOf(GrantRunOutcome.Completed, GrantRunOutcome.Busy, GrantRunOutcome.NothingToDo));
        AssertEveryoneGrantedOnce(grantId);
    }

    private void AssertEveryoneGrantedOnce(int grantId)
    {
        var recipients = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.CustomerId).ToList();
        Assert.That(recipients, Is.EquivalentTo(_registered), "one recipient row per customer");
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Select(h => h.CustomerId).ToList(), Is.EquivalentTo(_registered), "one entry per customer");
        var grant = Db.GetTable<LoyaltySpecialGrant>().Single(g => g.Id == grantId);
        Assert.That((grant.Status(), grant.GrantedCount), Is.EqualTo((GrantStatus.Completed, _registered.Count)));
    }
}
