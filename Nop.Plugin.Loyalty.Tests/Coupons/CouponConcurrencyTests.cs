using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>
/// Requests racing for the same copy or link, each on its own connection with its own pipeline, as a web farm sends
/// them. At most <see cref="MaxConnections"/> connections are open at once: the test servers' connection limit (100 on
/// PostgreSQL) is shared with other test runs. SQLite is skipped: its store lives on one connection.
/// </summary>
public class CouponConcurrencyTests(DatabaseKind kind) : CouponFixture(kind)
{
    private const int MaxConnections = 40;
    private const int Discount = 7;

    [SetUp]
    public void ServerOnly()
    {
        if (Kind == DatabaseKind.Sqlite)
            Assert.Ignore("Concurrency needs a database server; the SQLite store lives on one connection.");
    }

    /// <summary>Runs <paramref name="count"/> requests at once, each on a fresh connection; returns the outcome of each.</summary>
    private async Task<List<string>> RaceAsync(int count, Func<CouponPipeline, int, Task> request)
    {
        using var gate = new SemaphoreSlim(MaxConnections);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.WaitAsync();
            try
            {
                using var db = TestDatabase.Open(Kind);
                db.Execute("SELECT 1"); // connected before the start, so that the requests meet at the row
                var pipeline = TestCouponPipeline.Create(db, Clock, new CouponOptions(Tokyo), Observer);
                await start.Task;
                await request(pipeline, i);
                return "ok";
            }
            catch (LoyaltyRuleException e)
            {
                return e.ResourceKey;
            }
            finally
            {
                gate.Release();
            }
        })).ToList();
        await Task.Delay(500);
        start.SetResult();
        return (await Task.WhenAll(tasks)).ToList();
    }

    [Test]
    public async Task A_hundred_orders_racing_for_a_one_use_copy_one_succeeds()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 1, discountId: Discount));
        var customer = Registered[0];
        await IssueAsync(couponId, customer);

        var outcomes = await RaceAsync(100, (pipeline, i) => pipeline.RedeemForOrderAsync(customer, Discount, orderId: 1000 + i));

        Assert.That(outcomes.Count(o => o == "ok"), Is.EqualTo(1), string.Join(", ", outcomes.Distinct()));
        Assert.That(outcomes.Where(o => o != "ok"), Has.All.EqualTo(CouponResourceKeys.NoUsableCopy));
        Assert.That(StoreCopy(customer, couponId).UsesLeft, Is.Zero);
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_hundred_counter_uses_racing_for_a_one_use_copy_one_succeeds()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 1));
        var customer = Registered[0];
        await IssueAsync(couponId, customer);
        var copyId = StoreCopy(customer, couponId).Id;

        var outcomes = await RaceAsync(100, (pipeline, i) => pipeline.RedeemInStoreAsync(copyId, new UsePlace(500 + i % 3, $"Counter {i % 3}")));

        Assert.That(outcomes.Count(o => o == "ok"), Is.EqualTo(1), string.Join(", ", outcomes.Distinct()));
        Assert.That(outcomes.Where(o => o != "ok"), Has.All.EqualTo(CouponResourceKeys.UsedUp));
        Assert.That(StoreCopy(customer, couponId).UsesLeft, Is.Zero);
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Fifty_claims_of_one_link_by_one_customer_give_one_copy()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 2));
        var (sharer, friend) = (Registered[0], Registered[1]);
        await IssueAsync(couponId, sharer);
        var link = await Coupons.ShareByLinkAsync(StoreCopy(sharer, couponId).Id, sharer);

        var outcomes = await RaceAsync(50, (pipeline, _) => pipeline.ClaimAsync(link.Token, friend));

        Assert.That(outcomes.Count(o => o == "ok"), Is.EqualTo(1), string.Join(", ", outcomes.Distinct()));
        Assert.That(outcomes.Where(o => o != "ok"), Has.All.EqualTo(CouponResourceKeys.LinkAlreadyClaimed));
        Assert.That(CopiesOf(friend, couponId), Has.Count.EqualTo(1));
    }
}
