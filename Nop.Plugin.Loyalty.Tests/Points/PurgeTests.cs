using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Which lots <see cref="PurgePolicy.Candidates"/> selects, read on the database, and what purging them leaves.</summary>
public class PurgeTests(DatabaseKind kind) : PipelineFixture(kind)
{
    private List<PurgeCandidate> Candidates(int purgeAfterDays)
    {
        var data = new LinqLoyaltyData(Db);
        return PurgePolicy.Candidates(data.Recipients, data.Ledger, data.LotExpiries, Clock.UtcNow, purgeAfterDays).ToList();
    }

    [Test]
    public async Task Candidates_are_unused_unrevoked_lots_whose_expiry_is_old_enough()
    {
        var pipeline = Pipeline();
        var grantId = await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(2));
        var (used, revoked, kept) = (Registered[0], Registered[1], Registered[2]);
        await SpendAsync(pipeline, used, 1);
        await pipeline.RevokeAsync(grantId, revoked);
        Clock.Advance(TimeSpan.FromDays(2));
        await pipeline.ExpireDueAsync();
        var expiredAt = Clock.UtcNow;

        Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.That(Candidates(30), Is.Empty, "a second short of 30 days");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var candidates = Candidates(30);

        Assert.That(Candidates(0), Is.Empty, "0 days turns purging off");
        Assert.That(candidates.Select(c => c.CustomerId), Is.EquivalentTo(Registered.Except([used, revoked])));
        var lot = Lot(grantId, kept);
        var expiry = Db.GetTable<LoyaltyLotExpiry>().Single(x => x.LotEntryId == lot.Id);
        var candidate = candidates.Single(c => c.CustomerId == kept);
        Assert.That((candidate.GrantId, candidate.LotEntryId, candidate.ExpiryEntryId, candidate.Points, candidate.RecipientId),
            Is.EqualTo((grantId, lot.Id, expiry.ExpiryEntryId, 60, Recipient(grantId, kept).Id)));
        Assert.That(expiry.ExpiredOnUtc, Is.EqualTo(expiredAt));
    }

    [Test]
    public async Task A_lot_with_other_entries_between_it_and_its_expiry_is_not_purged()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        var grantId = await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(2));
        Clock.Advance(TimeSpan.FromDays(1));
        await AdjustAsync(pipeline, customer, 10); // earned while the lot was open: its running balance counts the lot
        Clock.Advance(TimeSpan.FromDays(2));
        await pipeline.ExpireDueAsync();
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(10));
        Clock.Advance(TimeSpan.FromDays(40));

        var purged = await pipeline.PurgeAsync(purgeAfterDays: 30);

        // Deleting the lot and its expiry would leave the adjustment (balance 70) as the latest entry.
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(10));
        Assert.That(Recipient(grantId, customer).PurgedOnUtc, Is.Null);
        Assert.That(purged, Is.EqualTo(Registered.Count - 1));
    }

    [Test]
    public async Task Purging_leaves_entries_before_and_after_the_lot_true()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await AdjustAsync(pipeline, customer, 15);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var grantId = await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(2));
        Clock.Advance(TimeSpan.FromDays(3));
        await pipeline.ExpireDueAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        await AdjustAsync(pipeline, customer, 4);
        Clock.Advance(TimeSpan.FromDays(40));

        await pipeline.PurgeAsync(purgeAfterDays: 30);

        Assert.That(Recipient(grantId, customer).PurgedOnUtc, Is.Not.Null);
        Assert.That(Entries(customer).Select(e => (e.Points, e.PointsBalance)), Is.EqualTo(new[] { (15, (int?)15), (4, 19) }));
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(19));
    }
}
