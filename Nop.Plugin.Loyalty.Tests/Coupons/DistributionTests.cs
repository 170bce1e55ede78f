using LinqToDB;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>Issuing a coupon to a target: chunks, validity per receipt day, progress, resuming without duplicates.</summary>
public class DistributionTests(DatabaseKind kind) : CouponFixture(kind)
{
    private async Task<int> QueueToAllAsync(int couponId) =>
        await Coupons.QueueDistributionAsync(new DistributionRow
        {
            CouponId = couponId,
            StoreId = 1,
            TargetJson = GrantTargetJson.Serialize(new AllRegisteredTarget()),
            PlannedCount = Registered.Count
        });

    [Test]
    public async Task Every_registered_customer_gets_one_copy_with_full_uses_and_ten_days_from_receipt()
    {
        var couponId = await CreateAsync(DaysTerms(days: 10, uses: 3));
        var distributionId = await QueueToAllAsync(couponId);

        Assert.That(await Pipeline(chunkSize: 7).RunDistributionAsync(distributionId), Is.EqualTo(GrantRunOutcome.Completed));

        var copies = Db.GetTable<LoyaltyCouponCopy>().ToList();
        Assert.That(copies.Select(c => c.CustomerId), Is.EquivalentTo(Registered));
        // Received 1 April 10:00 in Tokyo: through 10 April, whose end is 10 April 15:00 UTC.
        Assert.That(copies.Select(c => c.ValidUntilUtc).Distinct(), Is.EqualTo(new[] { new DateTime(2027, 4, 10, 15, 0, 0) }));
        Assert.That(copies, Has.All.Matches<LoyaltyCouponCopy>(c => c.UsesLeft == 3 && c.UsesTotal == 3 && c.OriginId == (int)CopyOrigin.Store
                                                                     && c.SourceId == distributionId && c.SharedByCustomerId == null));
        var row = Db.GetTable<LoyaltyCouponDistribution>().Single(d => d.Id == distributionId);
        Assert.That((row.StatusId, row.IssuedCount, row.LastCustomerId, row.Runner),
            Is.EqualTo(((int)DistributionStatus.Completed, Registered.Count, Registered.Max(), (string?)null)));
        Assert.That(Observer.Issued.Count, Is.EqualTo((Registered.Count + 6) / 7), "one event per chunk");
        Assert.That(Observer.Issued.SelectMany(i => i.CustomerIds), Is.EquivalentTo(Registered));
    }

    [Test]
    public async Task A_copy_received_on_3_April_is_valid_through_12_April()
    {
        var couponId = await CreateAsync(DaysTerms(days: 10));
        await IssueAsync(couponId, Registered[0]);
        Clock.Advance(TimeSpan.FromDays(2)); // 3 April, 10:00 in Tokyo
        await IssueAsync(couponId, Registered[1]);

        Assert.That(StoreCopy(Registered[0], couponId).ValidUntilUtc, Is.EqualTo(new DateTime(2027, 4, 10, 15, 0, 0)));
        Assert.That(StoreCopy(Registered[1], couponId).ValidUntilUtc, Is.EqualTo(new DateTime(2027, 4, 12, 15, 0, 0)));
    }

    [Test]
    public async Task An_interrupted_run_resumes_from_its_checkpoint_and_issues_no_one_twice()
    {
        var couponId = await CreateAsync(DaysTerms());
        var distributionId = await QueueToAllAsync(couponId);
        using var cancel = new CancellationTokenSource();
        Observer.OnIssued = (_, _) =>
        {
            if (Observer.Issued.Count == 2)
                cancel.Cancel();
            return Task.CompletedTask;
        };

        Assert.ThrowsAsync<OperationCanceledException>(() => Pipeline(chunkSize: 10).RunDistributionAsync(distributionId, cancel.Token));
        Observer.OnIssued = null;
        var halfway = Db.GetTable<LoyaltyCouponDistribution>().Single(d => d.Id == distributionId);
        Assert.That((halfway.StatusId, halfway.IssuedCount), Is.EqualTo(((int)DistributionStatus.Running, 20)));
        Assert.That(await Pipeline().FindStalledDistributionsAsync(), Is.EqualTo(new[] { distributionId }));

        // The checkpoint is lost too (as if written by an older run): the copies already issued are skipped, not doubled.
        Db.GetTable<LoyaltyCouponDistribution>().Where(d => d.Id == distributionId).Set(d => d.LastCustomerId, 0).Update();
        Assert.That(await Pipeline(chunkSize: 10).RunDistributionAsync(distributionId), Is.EqualTo(GrantRunOutcome.Completed));

        var holders = Db.GetTable<LoyaltyCouponCopy>().Select(c => c.CustomerId).ToList();
        Assert.That(holders, Is.EquivalentTo(Registered), "each registered customer exactly once");
        var done = Db.GetTable<LoyaltyCouponDistribution>().Single(d => d.Id == distributionId);
        Assert.That((done.StatusId, done.IssuedCount), Is.EqualTo(((int)DistributionStatus.Completed, Registered.Count)));
        Assert.That(await Pipeline().RunDistributionAsync(distributionId), Is.EqualTo(GrantRunOutcome.NothingToDo));
    }

    [Test]
    public async Task Two_distributions_of_one_coupon_give_a_customer_two_copies()
    {
        var couponId = await CreateAsync(DaysTerms());
        await IssueAsync(couponId, Registered[0]);
        await IssueAsync(couponId, Registered[0], Registered[1]);
        Assert.That(CopiesOf(Registered[0], couponId), Has.Count.EqualTo(2));
        Assert.That(CopiesOf(Registered[1], couponId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unknown_ended_or_unreadable_distributions_are_refused_and_nothing_is_stored()
    {
        var periodId = await CreateAsync(new CouponTerms("April only", CouponValidityKind.Period, null, new DateOnly(2027, 4, 2), null, 1, SharingMode.Shareable));
        DistributionRow To(int couponId, string json) => new() { CouponId = couponId, TargetJson = json };
        var all = GrantTargetJson.Serialize(new AllRegisteredTarget());

        Refused(CouponResourceKeys.CouponUnknown, () => Coupons.QueueDistributionAsync(To(9999, all)));
        Refused(ResourceKeys.TargetUnreadable, () => Coupons.QueueDistributionAsync(To(periodId, "{\"kind\":\"nobody\"}")));
        Clock.Advance(TimeSpan.FromDays(2)); // 3 April in Tokyo: the period ended with 2 April
        Refused(CouponResourceKeys.CouponEnded, () => Coupons.QueueDistributionAsync(To(periodId, all)));
        Assert.That(Db.GetTable<LoyaltyCouponDistribution>().Count(), Is.Zero);
    }

    [Test]
    public async Task Terms_breaking_a_rule_store_nothing()
    {
        Refused(CouponResourceKeys.ValidDaysOutOfRange, () => CreateAsync(DaysTerms(days: 0)));
        Refused(CouponResourceKeys.UsesOutOfRange, () => CreateAsync(DaysTerms(uses: 0)));
        Refused(CouponResourceKeys.ValidFromAfterTo, () => CreateAsync(new CouponTerms("x", CouponValidityKind.Period,
            new DateOnly(2027, 5, 2), new DateOnly(2027, 5, 1), null, 1, SharingMode.Shareable)));
        Assert.That(Db.GetTable<LoyaltyCouponCopy>().Count() + Db.GetTable<LoyaltyCoupon>().Count(), Is.Zero);
        await Task.CompletedTask;
    }
}
