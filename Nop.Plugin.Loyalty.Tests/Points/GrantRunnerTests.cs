using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>One runner per grant through its lease: a live lease keeps others out, a stale one is taken over.</summary>
public class GrantRunnerTests(DatabaseKind kind) : PipelineFixture(kind)
{
    private void HoldBy(int grantId, string runner, DateTime leaseUntilUtc) =>
        Db.GetTable<LoyaltySpecialGrant>().Where(g => g.Id == grantId)
            .Set(g => g.StatusId, (int)GrantStatus.Running)
            .Set(g => g.Runner, runner)
            .Set(g => g.LeaseUntilUtc, leaseUntilUtc)
            .Update();

    private void AssertEveryoneGrantedOnce(int grantId)
    {
        var recipients = Db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId).Select(r => r.CustomerId).ToList();
        Assert.That(recipients, Is.EquivalentTo(Registered));
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Select(h => h.CustomerId).ToList(), Is.EquivalentTo(Registered));
        Assert.That(GrantRecord(grantId).GrantedCount, Is.EqualTo(Registered.Count));
    }

    [Test]
    public async Task A_grant_held_by_a_live_runner_is_busy_for_another()
    {
        var pipeline = Pipeline();
        var grantId = await pipeline.QueueGrantAsync(Grant("Held", 10, TimeSpan.FromDays(5)));
        HoldBy(grantId, "elsewhere", Start.AddMinutes(1));

        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Busy));
        Assert.That(await pipeline.FindStalledGrantsAsync(), Is.Empty);
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Count(), Is.Zero);
        Assert.That(GrantRecord(grantId).Runner, Is.EqualTo("elsewhere"));
    }

    [Test]
    public async Task A_stale_lease_is_taken_over_by_a_new_runner()
    {
        var pipeline = Pipeline(chunkSize: 25);
        var grantId = await pipeline.QueueGrantAsync(Grant("Crashed", 10, TimeSpan.FromDays(5)));
        HoldBy(grantId, "crashed", Start.AddMinutes(-1));

        Assert.That(await pipeline.FindStalledGrantsAsync(), Is.EqualTo(new[] { grantId }));
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));

        AssertEveryoneGrantedOnce(grantId);
        Assert.That(GrantRecord(grantId).Runner, Is.Null);
    }

    [Test]
    public async Task A_runner_whose_lease_was_taken_over_loses_its_chunk()
    {
        var options = new PipelineOptions(ChunkSize: 10);
        var pipeline = Pipeline(chunkSize: 10);
        var grantId = await pipeline.QueueGrantAsync(Grant("Taken over", 10, TimeSpan.FromDays(5)));
        Observer.OnGranted = async (_, _) =>
        {
            Observer.OnGranted = null;
            // The first runner stalls past its lease after its first chunk, and a second runner takes the grant.
            Clock.Advance(options.Lease + TimeSpan.FromSeconds(1));
            Assert.That(await new LinqLoyaltyWriter(Db).TryTakeGrantAsync(grantId, "second", [GrantStatus.Running], GrantStatus.Running,
                Clock.UtcNow, Clock.UtcNow + options.Lease), Is.True);
        };

        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.LeaseLost));

        var first = Registered.Take(10).ToList();
        Assert.That(Db.GetTable<LoyaltySpecialGrantRecipient>().Select(r => r.CustomerId).ToList(), Is.EquivalentTo(first),
            "the chunk written after the lease was lost is undone");
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Select(h => h.CustomerId).ToList(), Is.EquivalentTo(first));
        var grant = GrantRecord(grantId);
        Assert.That((grant.Runner, grant.GrantedCount, grant.LastCustomerId), Is.EqualTo(("second", 10, first[^1])));

        // The second runner dies in turn; a third one finishes from the checkpoint.
        Clock.Advance(options.Lease + TimeSpan.FromSeconds(1));
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));
        AssertEveryoneGrantedOnce(grantId);
    }

    [Test]
    public async Task A_failed_run_is_recorded_and_runs_again()
    {
        var pipeline = Pipeline(chunkSize: 25);
        var grantId = await pipeline.QueueGrantAsync(Grant("Broken target", 10, TimeSpan.FromDays(5)));
        Db.GetTable<LoyaltySpecialGrant>().Where(g => g.Id == grantId).Set(g => g.TargetJson, "{\"kind\":\"nobody\"}").Update();

        Assert.CatchAsync<Engine.LoyaltyRuleException>(() => pipeline.RunAsync(grantId));
        var failed = GrantRecord(grantId);
        Assert.That((failed.Status(), failed.Runner), Is.EqualTo((GrantStatus.Failed, (string?)null)));
        Assert.That(failed.LastError, Does.Contain(Engine.ResourceKeys.TargetUnreadable));

        Db.GetTable<LoyaltySpecialGrant>().Where(g => g.Id == grantId)
            .Set(g => g.TargetJson, Engine.Targeting.GrantTargetJson.Serialize(new Engine.Targeting.AllRegisteredTarget())).Update();
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));
        AssertEveryoneGrantedOnce(grantId);
        Assert.That(GrantRecord(grantId).LastError, Is.Null);
    }
}
