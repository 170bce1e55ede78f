using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Grant, spend, expire, revoke and purge on a real database, through the pipeline the plugin runs.</summary>
public class SpecialPointsPipelineTests(DatabaseKind kind) : PipelineFixture(kind)
{
    [Test]
    public async Task Grant_reaches_exactly_the_registered_active_customers_once()
    {
        var grantId = await GrantToAllAsync(Pipeline(), 100, TimeSpan.FromDays(30));

        var recipients = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.CustomerId).ToList();
        Assert.That(recipients, Is.EquivalentTo(Registered));
        var entries = Db.GetTable<NopRewardPointsHistory>().ToList();
        Assert.That(entries.Select(e => e.CustomerId), Is.EquivalentTo(Registered));
        Assert.That(entries.All(e => e is { Points: 100, ValidPoints: 100, PointsBalance: 100, StoreId: 1 } && e.EndDateUtc == Start.AddDays(30)));
        var grant = GrantRecord(grantId);
        Assert.That((grant.Status(), grant.GrantedCount, grant.Runner, grant.LeaseUntilUtc),
            Is.EqualTo((GrantStatus.Completed, Registered.Count, (string?)null, (DateTime?)null)));
        Assert.That(Observer.Granted.SelectMany(g => g.CustomerIds), Is.EquivalentTo(Registered));
    }

    [Test]
    public async Task Running_balance_starts_from_each_customers_latest_entry()
    {
        var pipeline = Pipeline(chunkSize: 16);
        var rich = Registered[3];
        await AdjustAsync(pipeline, rich, 40);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AdjustAsync(pipeline, rich, -15);
        Clock.Advance(TimeSpan.FromMinutes(1));

        await GrantToAllAsync(pipeline, 100, TimeSpan.FromDays(30));

        Assert.That(await pipeline.BalanceAsync(rich), Is.EqualTo(125));
        Assert.That(Entries(rich).Select(e => e.PointsBalance), Is.EqualTo(new int?[] { 40, 25, 125 }));
        Assert.That(await pipeline.BalanceAsync(Registered[4]), Is.EqualTo(100));
    }

    [Test]
    public async Task A_run_stopped_midway_resumes_without_granting_anyone_twice()
    {
        var pipeline = Pipeline(chunkSize: 10);
        var grantId = await pipeline.QueueGrantAsync(Grant("Resumed", 50, TimeSpan.FromDays(10)));
        using var stop = new CancellationTokenSource();
        Observer.OnGranted = (_, _) =>
        {
            if (Observer.Granted.Count == 2)
                stop.Cancel(); // a shutdown between the second and third chunk
            return Task.CompletedTask;
        };

        Assert.CatchAsync<OperationCanceledException>(() => pipeline.RunAsync(grantId, stop.Token));
        Observer.OnGranted = null;
        var stopped = GrantRecord(grantId);
        Assert.That((stopped.Status(), stopped.GrantedCount, stopped.Runner), Is.EqualTo((GrantStatus.Running, 20, (string?)null)));
        Assert.That(await pipeline.FindStalledGrantsAsync(), Is.EqualTo(new[] { grantId }));

        // Lose the checkpoint too, as a crash between a chunk's commit and its progress record would.
        Db.GetTable<LoyaltySpecialGrant>().Where(g => g.Id == grantId).Set(g => g.LastCustomerId, 0).Update();
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));

        var perCustomer = Db.GetTable<NopRewardPointsHistory>().GroupBy(h => h.CustomerId).Select(g => g.Count()).ToList();
        Assert.That(perCustomer, Has.Count.EqualTo(Registered.Count).And.All.EqualTo(1));
        Assert.That(GrantRecord(grantId).GrantedCount, Is.EqualTo(Registered.Count));
        Assert.That(await pipeline.FindStalledGrantsAsync(), Is.Empty);
    }

    [Test]
    public void Role_and_list_targets_select_only_matching_registered_customers()
    {
        var roles = new RolesTarget([Roles.Vip], ["VIP"]).Compile(NopStore.Sources(Db)).ToList();
        var vipMapped = Db.GetTable<NopCustomerRoleMapping>().Where(m => m.CustomerRoleId == Roles.Vip).Select(m => m.CustomerId).ToList();
        Assert.That(roles, Is.Not.Empty);
        Assert.That(roles, Is.EquivalentTo(vipMapped.Intersect(Registered)));

        var guest = Db.GetTable<NopCustomerRoleMapping>().First(m => m.CustomerRoleId == Roles.Guests).CustomerId;
        var byEmail = Registered[5];
        var list = new CustomerListTarget([Registered[0], guest, 999_999], [$"CUSTOMER{byEmail}@Example.com"], "pasted")
            .Compile(NopStore.Sources(Db)).ToList();
        Assert.That(list, Is.EquivalentTo(new[] { Registered[0], byEmail }));
    }

    [Test]
    public async Task A_grant_to_a_list_reaches_only_the_listed_customers()
    {
        var pipeline = Pipeline();
        var listed = new[] { Registered[2], Registered[7] };
        var grantId = await pipeline.QueueGrantAsync(Grant("Listed", 15, TimeSpan.FromDays(3), target: new CustomerListTarget(listed, [], "pasted")));

        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));

        Assert.That(Db.GetTable<NopRewardPointsHistory>().Select(h => h.CustomerId).ToList(), Is.EquivalentTo(listed));
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.NothingToDo), "a completed grant does not run again");
    }

    [Test]
    public async Task Spending_consumes_earliest_expiring_points_first()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await AdjustAsync(pipeline, customer, 100);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(20), "Late");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var early = await GrantToAllAsync(pipeline, 30, TimeSpan.FromDays(5), "Early");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var spentId = await SpendAsync(pipeline, customer, 60);

        Assert.That(Remaining(early, customer), Is.EqualTo(0));
        Assert.That(Remaining(late, customer), Is.EqualTo(20));
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(120));
        var spent = Db.GetTable<NopRewardPointsHistory>().Single(h => h.Id == spentId);
        Assert.That((spent.Points, spent.PointsBalance, spent.ValidPoints), Is.EqualTo((-60, (int?)120, (int?)null)));
        var ordinary = Db.GetTable<NopRewardPointsHistory>().Single(h => h.CustomerId == customer && h.EndDateUtc == null && h.Points == 100);
        Assert.That(ordinary.ValidPoints, Is.EqualTo(100));
    }

    [Test]
    public async Task A_redemption_beyond_the_spendable_points_is_refused_and_writes_nothing()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await GrantToAllAsync(pipeline, 30, TimeSpan.FromDays(5));
        var before = Entries(customer).Count;

        var ex = Assert.ThrowsAsync<Engine.LoyaltyRuleException>(() => SpendAsync(pipeline, customer, 31));

        Assert.That(ex!.ResourceKey, Is.EqualTo(Engine.ResourceKeys.InsufficientPoints));
        Assert.That(Entries(customer), Has.Count.EqualTo(before));
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(30));
    }

    [Test]
    public async Task Expiry_takes_what_remains_and_never_makes_a_balance_negative()
    {
        var pipeline = Pipeline(chunkSize: 25);
        await GrantToAllAsync(pipeline, 80, TimeSpan.FromDays(3));
        var spender = Registered[1];
        var adjusted = Registered[2];
        Clock.Advance(TimeSpan.FromDays(1));
        await SpendAsync(pipeline, spender, 30);
        await AdjustAsync(pipeline, adjusted, -70); // leaves the lot holding more than the balance

        Clock.Advance(TimeSpan.FromDays(3));
        var expired = await pipeline.ExpireDueAsync();

        Assert.That(expired, Is.EqualTo(Registered.Count));
        Assert.That(await pipeline.BalanceAsync(spender), Is.EqualTo(0));
        Assert.That(await pipeline.BalanceAsync(adjusted), Is.EqualTo(0));
        Assert.That(await pipeline.BalanceAsync(Registered[3]), Is.EqualTo(0));
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Count(h => h.PointsBalance < 0), Is.Zero);
        Assert.That(Db.GetTable<LoyaltyLotExpiry>().Single(x => x.CustomerId == adjusted).ExpiredPoints, Is.EqualTo(10));
        Assert.That(Db.GetTable<LoyaltyLotExpiry>().Single(x => x.CustomerId == spender).ExpiredPoints, Is.EqualTo(50));
        Assert.That(Observer.Expired.Sum(x => x.Points), Is.EqualTo(80 * (Registered.Count - 2) + 50 + 10));
        Assert.That(await pipeline.ExpireDueAsync(), Is.Zero, "a second run finds nothing left to expire");
    }

    [Test]
    public async Task Revoke_takes_back_one_recipient_or_all_and_never_below_zero()
    {
        var pipeline = Pipeline(chunkSize: 30);
        var grantId = await GrantToAllAsync(pipeline, 40, TimeSpan.FromDays(30));
        var one = Registered[0];
        await SpendAsync(pipeline, Registered[1], 25);
        await AdjustAsync(pipeline, Registered[2], -35);

        Assert.That(await pipeline.RevokeAsync(grantId, one), Is.EqualTo(40));
        Assert.That(await pipeline.BalanceAsync(one), Is.EqualTo(0));
        Assert.That(await pipeline.BalanceAsync(Registered[3]), Is.EqualTo(40));
        Assert.That(await pipeline.RevokeAsync(grantId, one), Is.Zero, "revoked once only");

        await pipeline.RequestRevokeAllAsync(grantId);
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Revoked));

        var recipients = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).ToList();
        Assert.That(recipients.Where(r => r.CustomerId != one).Sum(r => r.RevokedPoints), Is.EqualTo(40 * (Registered.Count - 3) + 15 + 5));
        Assert.That(recipients.Where(r => r.RevokedOnUtc == null), Is.Empty);
        foreach (var customer in Registered)
            Assert.That(await pipeline.BalanceAsync(customer), Is.Zero);
        var grant = GrantRecord(grantId);
        Assert.That((grant.Status(), grant.RevokedCount), Is.EqualTo((GrantStatus.Revoked, Registered.Count)));
    }

    [Test]
    public async Task Purge_removes_only_expired_unused_lots_old_enough()
    {
        var pipeline = Pipeline();
        var grantId = await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(2));
        var user = Registered[0];
        await SpendAsync(pipeline, user, 1);
        Clock.Advance(TimeSpan.FromDays(3));
        await pipeline.ExpireDueAsync();
        var entriesBefore = Db.GetTable<NopRewardPointsHistory>().Count();

        Clock.Advance(TimeSpan.FromDays(5));
        Assert.That(await pipeline.PurgeAsync(purgeAfterDays: 0), Is.Zero, "0 days means never");
        Assert.That(await pipeline.PurgeAsync(purgeAfterDays: 30), Is.Zero, "expired only 6 days ago");

        var purged = await pipeline.PurgeAsync(purgeAfterDays: 6);

        Assert.That(purged, Is.EqualTo(Registered.Count - 1));
        Assert.That(Recipient(grantId, user).PurgedOnUtc, Is.Null, "a used lot is never purged");
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Count(), Is.EqualTo(entriesBefore - 2 * purged));
        Assert.That(Db.GetTable<LoyaltyLotExpiry>().Select(x => x.CustomerId).ToList(), Is.EqualTo(new[] { user }));
        Assert.That(GrantRecord(grantId).PurgedCount, Is.EqualTo(purged));
        foreach (var customer in Registered)
            Assert.That(await pipeline.BalanceAsync(customer), Is.Zero);
        Assert.That(await pipeline.PurgeAsync(purgeAfterDays: 6), Is.Zero, "purged once only");
    }

    [Test]
    public async Task Purge_never_touches_unexpired_lots()
    {
        var pipeline = Pipeline();
        await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(400));
        Clock.Advance(TimeSpan.FromDays(100));

        Assert.That(await pipeline.PurgeAsync(purgeAfterDays: 1), Is.Zero);
    }

    [Test]
    public async Task Latest_balance_breaks_equal_times_by_the_higher_id()
    {
        var customer = Registered[0];
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 10, PointsBalance = 10, CreatedOnUtc = Start, ValidPoints = 10 });
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 5, PointsBalance = 15, CreatedOnUtc = Start, ValidPoints = 5 });
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 99, PointsBalance = null, CreatedOnUtc = Start.AddDays(9), ValidPoints = 99 });

        var balance = await LedgerQueries.LatestBalancesAsync(new LinqLoyaltyData(Db), CustomerRange.Spanning([customer, Registered[1]]), Start);

        Assert.That(balance, Is.EquivalentTo(new Dictionary<int, int> { [customer] = 15 }));
    }

    [Test]
    public async Task Latest_balance_finds_entries_written_below_the_millisecond()
    {
        // nopCommerce writes DateTime.UtcNow as it is: PostgreSQL and MariaDB keep its microseconds.
        var customer = Registered[0];
        var written = Start.AddTicks(1_234_567);
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 10, PointsBalance = 10, CreatedOnUtc = Start, ValidPoints = 10 });
        Db.Insert(new NopRewardPointsHistory { CustomerId = customer, StoreId = 1, Points = 29, PointsBalance = 39, CreatedOnUtc = written, ValidPoints = 29 });

        var balance = await LedgerQueries.LatestBalancesAsync(new LinqLoyaltyData(Db), CustomerRange.Of(customer), Start.AddSeconds(1));

        Assert.That(balance, Is.EquivalentTo(new Dictionary<int, int> { [customer] = 39 }));
    }

    [Test]
    public async Task Balances_of_a_sparse_chunk_name_only_its_own_customers()
    {
        await GrantToAllAsync(Pipeline(), 10, TimeSpan.FromDays(5));
        var sparse = CustomerRange.Spanning([Registered[0], Registered[^1]]);
        var dense = CustomerRange.Spanning(Registered.Take(50).ToList());

        var sparseBalances = (await LedgerQueries.LatestBalancesAsync(new LinqLoyaltyData(Db), sparse, Clock.UtcNow)).Keys;
        var denseBalances = (await LedgerQueries.LatestBalancesAsync(new LinqLoyaltyData(Db), dense, Clock.UtcNow)).Keys;

        Assert.That(sparse.IsDense, Is.False);
        Assert.That(sparseBalances, Is.EquivalentTo(new[] { Registered[0], Registered[^1] }));
        Assert.That(dense.IsDense, Is.True);
        Assert.That(denseBalances, Is.SupersetOf(Registered.Take(50)));
    }
}
