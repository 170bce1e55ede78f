using LinqToDB;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Balances kept per store, and points that become active later.</summary>
public class StoreBalanceTests(DatabaseKind kind) : PipelineFixture(kind)
{
    [Test]
    public async Task With_points_per_store_a_spend_in_one_store_never_touches_another_stores_lots()
    {
        var pipeline = Pipeline(pointsPerStore: true);
        var customer = Registered[0];
        // Store 1's lot expires first: an allocation across stores would take it first.
        var store1 = await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(5), "Store 1", storeId: 1);
        var store2 = await GrantToAllAsync(pipeline, 30, TimeSpan.FromDays(10), "Store 2", storeId: 2);
        Assert.That(Lot(store2, customer).PointsBalance, Is.EqualTo(30), "store 2's running balance starts from store 2's entries");

        await SpendAsync(pipeline, customer, 20, storeId: 2);

        Assert.That(Remaining(store1, customer), Is.EqualTo(50));
        Assert.That(Remaining(store2, customer), Is.EqualTo(10));
        Assert.That(await pipeline.BalanceAsync(customer, 1), Is.EqualTo(50));
        Assert.That(await pipeline.BalanceAsync(customer, 2), Is.EqualTo(10));
        var ex = Assert.ThrowsAsync<LoyaltyRuleException>(() => SpendAsync(pipeline, customer, 11, storeId: 2));
        Assert.That(ex!.ResourceKey, Is.EqualTo(ResourceKeys.InsufficientPoints), "store 1's points do not pay in store 2");

        Clock.Advance(TimeSpan.FromDays(6));
        await pipeline.ExpireDueAsync();
        Assert.That(await pipeline.BalanceAsync(customer, 1), Is.Zero);
        Assert.That(await pipeline.BalanceAsync(customer, 2), Is.EqualTo(10), "store 1's expiry leaves store 2's balance");
        Assert.That(Db.GetTable<NopRewardPointsHistory>().Where(h => h.CustomerId == customer && h.Points < 0).Select(h => h.StoreId).ToList(),
            Is.EquivalentTo(new[] { 2, 1 }), "the spend and the expiry are each written in their own store");
    }

    [Test]
    public async Task With_points_for_all_stores_one_balance_spans_them()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(5), "Store 1", storeId: 1);
        var store2 = await GrantToAllAsync(pipeline, 30, TimeSpan.FromDays(10), "Store 2", storeId: 2);

        await SpendAsync(pipeline, customer, 60, storeId: 2);

        Assert.That(Lot(store2, customer).PointsBalance, Is.EqualTo(80));
        Assert.That(Remaining(store2, customer), Is.EqualTo(20));
        Assert.That(await pipeline.BalanceAsync(customer, 1), Is.EqualTo(20));
    }

    [Test]
    public async Task Points_activating_later_get_their_running_balance_when_settled_after_activation()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        var other = Registered[1];
        await AdjustAsync(pipeline, customer, 20);
        var grantId = await GrantToAllAsync(pipeline, 50, TimeSpan.FromDays(30), activatesOnUtc: Start.AddDays(2));
        Clock.Advance(TimeSpan.FromDays(1));
        await AdjustAsync(pipeline, customer, 5);
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(25), "not active yet");

        Clock.Advance(TimeSpan.FromDays(2));
        await pipeline.SettleAsync(NopStore.Ledger(Db).Where(e => e.CustomerId == customer));

        var lot = Lot(grantId, customer);
        Assert.That((lot.PointsBalance, lot.CreatedOnUtc), Is.EqualTo(((int?)75, Start.AddDays(2))));
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(75));
        Assert.That(Lot(grantId, other).PointsBalance, Is.Null, "settling one customer's ledger leaves the others'");
        Assert.That(await SpendAsync(pipeline, other, 50), Is.Positive, "a spend settles the customer's ledger first");
        Assert.That(Lot(grantId, other).PointsBalance, Is.EqualTo(50));
        Assert.That(await pipeline.BalanceAsync(other), Is.Zero);
    }
}
