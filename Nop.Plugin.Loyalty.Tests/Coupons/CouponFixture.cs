using LinqToDB;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>A seeded store in Tokyo's time zone and the shipping coupon pipeline over it, on each database.</summary>
public abstract class CouponFixture(DatabaseKind kind) : DatabaseFixture(kind)
{
    protected static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>1 April 2027, 10:00 in Tokyo.</summary>
    protected static readonly DateTime Start = new(2027, 4, 1, 1, 0, 0, DateTimeKind.Utc);

    protected ManualClock Clock { get; private set; } = null!;
    protected IReadOnlyList<int> Registered { get; private set; } = null!;
    protected RecordingCouponObserver Observer { get; private set; } = null!;
    protected CouponPipeline Coupons { get; private set; } = null!;

    [SetUp]
    public void Seed()
    {
        Clock = new ManualClock(Start);
        Observer = new RecordingCouponObserver();
        var roles = CustomerSeeder.CreateRoles(Db);
        Registered = CustomerSeeder.AddCustomers(Db, roles, 80, seed: 11);
        Coupons = Pipeline();
    }

    [TearDown]
    public void NothingWentWrongUnseen() =>
        Assert.That(Observer.Errors.Select(e => $"{e.Message}: {e.Exception.Message}"), Is.Empty, "the pipeline reported errors");

    protected CouponPipeline Pipeline(int chunkSize = 1000) => TestCouponPipeline.Create(Db, Clock, new CouponOptions(Tokyo, chunkSize), Observer);

    protected static CouponTerms DaysTerms(int days = 10, int uses = 1, SharingMode sharing = SharingMode.Shareable, bool usedUpShareable = false,
        int? discountId = null) =>
        new("Spring coffee", CouponValidityKind.DaysFromReceipt, null, null, days, uses, sharing, usedUpShareable, discountId);

    protected Task<int> CreateAsync(CouponTerms terms) => Coupons.CreateCouponAsync(terms);

    /// <summary>Issues the coupon from the store to these customers (a list distribution run to the end).</summary>
    protected async Task<int> IssueAsync(int couponId, params int[] customerIds)
    {
        var distributionId = await Coupons.QueueDistributionAsync(new DistributionRow
        {
            CouponId = couponId,
            StoreId = 1,
            TargetJson = GrantTargetJson.Serialize(new CustomerListTarget(customerIds, [], null)),
            PlannedCount = customerIds.Length
        });
        Assert.That(await Coupons.RunDistributionAsync(distributionId), Is.EqualTo(GrantRunOutcome.Completed));
        return distributionId;
    }

    /// <summary>The customer's copies of a coupon, read from the table itself.</summary>
    protected List<LoyaltyCouponCopy> CopiesOf(int customerId, int? couponId = null) =>
        Db.GetTable<LoyaltyCouponCopy>().Where(c => c.CustomerId == customerId && (couponId == null || c.CouponId == couponId))
            .OrderBy(c => c.Id).ToList();

    protected LoyaltyCouponCopy Copy(int copyId) => Db.GetTable<LoyaltyCouponCopy>().Single(c => c.Id == copyId);

    /// <summary>The customer's only copy of the coupon from the store.</summary>
    protected LoyaltyCouponCopy StoreCopy(int customerId, int couponId) =>
        CopiesOf(customerId, couponId).Single(c => c.OriginId == (int)CopyOrigin.Store);

    protected static void Refused(string resourceKey, Func<Task> act)
    {
        var e = Assert.ThrowsAsync<LoyaltyRuleException>(async () => await act());
        Assert.That(e!.ResourceKey, Is.EqualTo(resourceKey));
    }
}
