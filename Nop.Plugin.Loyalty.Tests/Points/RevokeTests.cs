using LinqToDB;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Revoking one recipient or all of them, against expiry, activation, purge and a grant still running.</summary>
public class RevokeTests(DatabaseKind kind) : PipelineFixture(kind)
{
    [Test]
    public async Task Revoke_skips_purged_recipients()
    {
        var pipeline = Pipeline(chunkSize: 25);
        var grantId = await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(2));
        var user = Registered[0];
        await SpendAsync(pipeline, user, 10);
        Clock.Advance(TimeSpan.FromDays(3));
        await pipeline.ExpireDueAsync();
        Clock.Advance(TimeSpan.FromDays(10));
        var purged = await pipeline.PurgeAsync(purgeAfterDays: 5);
        var entries = Db.GetTable<NopRewardPointsHistory>().Count();

        Assert.That(await pipeline.RevokeAsync(grantId, Registered[1]), Is.Zero);
        await pipeline.RequestRevokeAllAsync(grantId);
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Revoked));

        Assert.That(purged, Is.EqualTo(Registered.Count - 1));
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Count(), Is.EqualTo(entries), "nothing written for purged lots");
        var revoked = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.RevokedOnUtc != null).Select(r => r.CustomerId).ToList();
        Assert.That(revoked, Is.EqualTo(new[] { user }), "only the recipient not purged is revoked");
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Count(r => r.RevokedOnUtc != null && r.PurgedOnUtc != null), Is.Zero);
        var grant = GrantRecord(grantId);
        Assert.That((grant.RevokedCount, grant.PurgedCount), Is.EqualTo((1, purged)));
    }

    [Test]
    public async Task Revoking_points_not_yet_active_empties_the_lot_and_leaves_the_balance()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await AdjustAsync(pipeline, customer, 20);
        var grantId = await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(30), activatesOnUtc: Start.AddDays(2));
        Assert.That(Lot(grantId, customer).PointsBalance, Is.Null, "not active yet");

        var taken = await pipeline.RevokeAsync(grantId, customer);

        Assert.That(taken, Is.EqualTo(50));
        var lot = Lot(grantId, customer);
        Assert.That((lot.Points, lot.ValidPoints), Is.EqualTo((0, (int?)0)));
        Assert.That(Entries(customer), Has.Count.EqualTo(2), "no entry takes out points that never reached the balance");
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(20));
        Assert.That(Recipient(grantId, customer).RevokedPoints, Is.EqualTo(50));

        Clock.Advance(TimeSpan.FromDays(3));
        await pipeline.SettleAsync(NopStore.Ledger(Db));
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(20), "the emptied lot activates with nothing");
        Assert.That(await pipeline.BalanceAsync(Registered[1]), Is.EqualTo(50));
    }

    [Test]
    public async Task Revoke_after_expiry_takes_nothing_more()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await AdjustAsync(pipeline, customer, 5);
        var grantId = await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(2));
        Clock.Advance(TimeSpan.FromDays(3));
        await pipeline.ExpireDueAsync();
        var entries = Entries(customer).Count;

        Assert.That(await pipeline.RevokeAsync(grantId, customer), Is.Zero);

        Assert.That(Entries(customer), Has.Count.EqualTo(entries));
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(5));
    }

    [Test]
    public async Task Revoke_expires_due_points_first()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        var grantId = await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(2));
        Clock.Advance(TimeSpan.FromDays(3)); // due, but the expiry task has not run yet

        Assert.That(await pipeline.RevokeAsync(grantId, customer), Is.Zero, "expired points are no longer there to revoke");

        Assert.That(Db.GetTable<LoyaltyLotExpiry>().Single(x => x.CustomerId == customer).ExpiredPoints, Is.EqualTo(50));
        Assert.That(Entries(customer).Select(e => (e.Points, e.Message)), Is.EqualTo(new[] { (50, "Autumn bonus"), (-50, $"Expired points of {Start:yyyy-MM-dd}") }));
        Assert.That(await pipeline.BalanceAsync(customer), Is.Zero);
        Assert.That(Observer.Revoked.Single(), Is.EqualTo(new RevokedPoints(customer, Lot(grantId, customer).Id, 0)));
    }

    [Test]
    public async Task Revoke_all_is_refused_while_the_grant_is_queued_or_running()
    {
        var pipeline = Pipeline(chunkSize: 10);
        var grantId = await pipeline.QueueGrantAsync(Grant("Busy", 10, TimeSpan.FromDays(5)));

        var queued = Assert.ThrowsAsync<LoyaltyRuleException>(() => pipeline.RequestRevokeAllAsync(grantId));

        LoyaltyRuleException? running = null;
        Observer.OnGranted = async (_, _) =>
        {
            Observer.OnGranted = null;
            try
            {
                await pipeline.RequestRevokeAllAsync(grantId);
            }
            catch (LoyaltyRuleException e)
            {
                running = e;
            }
        };
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));

        Assert.That(queued!.ResourceKey, Is.EqualTo(ResourceKeys.RevokeAllRefused));
        Assert.That(running?.ResourceKey, Is.EqualTo(ResourceKeys.RevokeAllRefused), "refused between two chunks of the run");
        Assert.That(GrantRecord(grantId).Status(), Is.EqualTo(GrantStatus.Completed));
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Count(r => r.RevokedOnUtc != null), Is.Zero);
    }

    [Test]
    public async Task Revoke_all_counts_every_recipient_and_ends_revoked()
    {
        var pipeline = Pipeline(chunkSize: 7);
        var grantId = await GrantToAllAsync(pipeline, 10, TimeSpan.FromDays(5));
        var grantedOn = GrantRecord(grantId).CompletedOnUtc;
        Clock.Advance(TimeSpan.FromHours(1));

        await pipeline.RequestRevokeAllAsync(grantId);
        Assert.That(GrantRecord(grantId).Status(), Is.EqualTo(GrantStatus.Revoking));
        Assert.That(await pipeline.FindStalledGrantsAsync(), Is.EqualTo(new[] { grantId }), "a requested revoke-all is picked up by the resume task");
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Revoked));

        var grant = GrantRecord(grantId);
        Assert.That((grant.Status(), grant.RevokedCount, grant.GrantedCount, grant.Runner), Is.EqualTo((GrantStatus.Revoked, Registered.Count, Registered.Count, (string?)null)));
        Assert.That(grant.CompletedOnUtc, Is.Not.Null.And.EqualTo(grantedOn), "completion stays the grant run's");
        Assert.That(Observer.Revoked.Select(r => r.CustomerId), Is.EquivalentTo(Registered));
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.NothingToDo));
        Assert.ThrowsAsync<LoyaltyRuleException>(() => pipeline.RequestRevokeAllAsync(grantId), "a revoked grant cannot be revoked again");
    }

    [Test]
    public async Task A_recipient_revoked_while_the_grant_runs_keeps_its_count()
    {
        var pipeline = Pipeline(chunkSize: 10);
        var grantId = await pipeline.QueueGrantAsync(Grant("Running", 30, TimeSpan.FromDays(5)));
        var first = Registered[0];
        var taken = -1;
        Observer.OnGranted = async (_, _) =>
        {
            Observer.OnGranted = null;
            taken = await pipeline.RevokeAsync(grantId, first); // between the first chunk and the second
        };

        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));

        Assert.That(taken, Is.EqualTo(30));
        var grant = GrantRecord(grantId);
        Assert.That((grant.RevokedCount, grant.GrantedCount), Is.EqualTo((1, Registered.Count)));
        Assert.That(await pipeline.BalanceAsync(first), Is.Zero);
        Assert.That(await pipeline.BalanceAsync(Registered[^1]), Is.EqualTo(30));
    }

    [Test]
    public async Task Revoke_all_takes_from_each_recipient_what_it_holds_and_leaves_other_grants_alone()
    {
        var pipeline = Pipeline(chunkSize: 9);
        var other = await GrantToAllAsync(pipeline, 40, TimeSpan.FromDays(60), "Other grant");
        var grantId = await GrantToAllAsync(pipeline, 100, TimeSpan.FromDays(30));
        var (spender, deducted, revokedBefore) = (Registered[2], Registered[11], Registered[20]);
        await SpendAsync(pipeline, spender, 30); // from the earlier expiring lot: this grant's
        await AdjustAsync(pipeline, deducted, -120); // an admin took points out: only 20 are left to take
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await pipeline.RevokeAsync(grantId, revokedBefore), Is.EqualTo(100));
        Clock.Advance(TimeSpan.FromHours(1));

        await pipeline.RequestRevokeAllAsync(grantId);
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Revoked));

        var revokedPoints = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).ToDictionary(r => r.CustomerId, r => r.RevokedPoints);
        var expected = Registered.ToDictionary(id => id, id => id == spender ? 70 : id == deducted ? 20 : 100);
        Assert.That(revokedPoints, Is.EquivalentTo(expected));
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Count(r => r.GrantId == grantId && r.RevokedOnUtc == null), Is.Zero);
        Assert.That(Registered.Select(id => Remaining(grantId, id)), Is.All.Zero, "every lot of the grant emptied");
        Assert.That(Registered.Select(id => Remaining(other, id)), Is.All.EqualTo(40), "the other grant's lots untouched");
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Count(r => r.GrantId == other && r.RevokedOnUtc != null), Is.Zero);
        Assert.That(await pipeline.BalanceAsync(spender), Is.EqualTo(40));
        Assert.That(await pipeline.BalanceAsync(deducted), Is.Zero);
        Assert.That(await pipeline.BalanceAsync(Registered[0]), Is.EqualTo(40));
        Assert.That(GrantRecord(grantId).RevokedCount, Is.EqualTo(Registered.Count));
        foreach (var customer in new[] { spender, deducted, revokedBefore, Registered[0] })
        {
            var running = 0;
            foreach (var entry in Entries(customer))
            {
                running += entry.Points;
                Assert.That(entry.PointsBalance, Is.EqualTo(running).And.GreaterThanOrEqualTo(0), $"customer {customer}'s balance chain");
            }
        }
    }

    [Test]
    public async Task Revoke_all_empties_lots_written_between_other_entries_and_nothing_else()
    {
        // Granted one customer a chunk, an adjustment (a lot of ordinary points) written after each: the grant's lots are
        // then more than a revoke statement's ranges, and every other entry lies between two of them.
        var granting = Pipeline(chunkSize: 1);
        var grantId = await granting.QueueGrantAsync(Grant("Scattered", 30, TimeSpan.FromDays(20)));
        var adjusted = new List<int>();
        Observer.OnGranted = async (_, customers) =>
        {
            adjusted.Add(customers[0]);
            await AdjustAsync(granting, customers[0], 7);
        };
        Assert.That(await granting.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));
        Observer.OnGranted = null;
        var lotIds = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.LedgerEntryId).ToList();
        Assert.That(IdRange.Runs(lotIds), Has.Count.EqualTo(Registered.Count), "every lot apart from the next");
        Clock.Advance(TimeSpan.FromHours(1));

        var revoking = Pipeline(chunkSize: 1000);
        await revoking.RequestRevokeAllAsync(grantId);
        Assert.That(await revoking.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Revoked));

        Assert.That(Registered.Select(id => Remaining(grantId, id)), Is.All.Zero, "every lot of the grant emptied");
        var others = Db.GetTable<NopRewardPointsHistory>().Where(h => h.Points == 7).Select(h => new { h.CustomerId, h.ValidPoints }).ToList();
        Assert.That(others.Select(o => o.CustomerId), Is.EquivalentTo(adjusted));
        Assert.That(others.Select(o => o.ValidPoints), Is.All.EqualTo(7), "the adjustments between the lots untouched");
        foreach (var customer in Registered)
            Assert.That(await revoking.BalanceAsync(customer), Is.EqualTo(7), $"customer {customer}'s balance");
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.RevokedPoints), Is.All.EqualTo(30));
        Assert.That(GrantRecord(grantId).RevokedCount, Is.EqualTo(Registered.Count));
    }
}
