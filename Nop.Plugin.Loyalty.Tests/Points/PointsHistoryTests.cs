using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>A customer's history told from the ledger: granted, spent, deducted, expired, revoked, with their dates.</summary>
public class PointsHistoryTests(DatabaseKind kind) : PipelineFixture(kind)
{
    private Task<PointsHistoryPage> PageAsync(int customerId, int pageIndex = 0, int pageSize = 20, int? storeId = null) =>
        PointsHistory.PageAsync(new LinqLoyaltyData(Db), customerId, storeId, pageIndex, pageSize);

    [Test]
    public async Task Every_change_is_told_by_what_it_was_latest_first()
    {
        var pipeline = Pipeline();
        var customer = Registered[3];
        var other = Registered[4];
        var autumn = await GrantToAllAsync(pipeline, 100, TimeSpan.FromDays(5), "Autumn bonus");
        var autumnExpiry = Lot(autumn, customer).EndDateUtc!.Value;
        Clock.Advance(TimeSpan.FromHours(1));
        var order = Guid.NewGuid();
        await pipeline.SpendAsync(new PointsSpend(customer, 1, 30, "Redeemed", ForOrder: true, 12m, order));
        Clock.Advance(TimeSpan.FromHours(1));
        await AdjustAsync(pipeline, customer, -5);
        Clock.Advance(TimeSpan.FromHours(1));
        var winter = await GrantToAllAsync(pipeline, 40, TimeSpan.FromDays(30), "Winter gift");
        Clock.Advance(TimeSpan.FromDays(6));
        Assert.That(await pipeline.ExpireDueAsync(), Is.GreaterThan(0));
        Clock.Advance(TimeSpan.FromHours(2));
        var revokedOn = Clock.UtcNow;
        Assert.That(await pipeline.RevokeAsync(winter, customer), Is.EqualTo(35), "the deduction left 35 once autumn expired");
        Assert.That(await pipeline.RevokeAsync(winter, other), Is.EqualTo(40), "another customer's revoke at another time");

        var page = await PageAsync(customer);

        Assert.That(page.Events.Select(e => (e.Kind, e.Points, e.GrantName)), Is.EqualTo(new[]
        {
            (PointsEventKind.Revoked, -35, (string?)"Winter gift"),
            (PointsEventKind.Expired, -70, (string?)"Autumn bonus"),
            (PointsEventKind.Granted, 40, (string?)"Winter gift"),
            (PointsEventKind.Deducted, -5, (string?)null),
            (PointsEventKind.Spent, -30, (string?)null),
            (PointsEventKind.Granted, 100, (string?)"Autumn bonus")
        }));
        Assert.That(page.TotalCount, Is.EqualTo(6));
        Assert.That(page.Events[0].OnUtc, Is.EqualTo(revokedOn).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(page.Events[1].OnUtc, Is.EqualTo(autumnExpiry), "an expiry is dated when the points stopped being usable, not when the task ran");
        Assert.That(page.Events[4].OrderGuid, Is.EqualTo(order));
        Assert.That(page.Events[5].ExpiresOnUtc, Is.EqualTo(autumnExpiry));
        Assert.That(page.Events.Select(e => e.BalanceAfter), Is.EqualTo(new int?[] { 0, 35, 105, 65, 70, 100 }));
    }

    [Test]
    public async Task Earned_points_and_points_not_usable_yet_are_not_mistaken_for_a_campaign()
    {
        var pipeline = Pipeline();
        var customer = Registered[0];
        await AdjustAsync(pipeline, customer, 25);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var activates = Clock.UtcNow.AddDays(3);
        await GrantToAllAsync(pipeline, 10, TimeSpan.FromDays(10), "Spring", activatesOnUtc: activates);

        var events = (await PageAsync(customer)).Events;

        Assert.That(events.Select(e => (e.Kind, e.IsPending)), Is.EqualTo(new[]
        {
            (PointsEventKind.Granted, true),
            (PointsEventKind.Earned, false)
        }));
        Assert.That(events[0].OnUtc, Is.EqualTo(activates).Within(TimeSpan.FromMilliseconds(1)), "dated when the points become usable");
    }

    [Test]
    public async Task Pages_hold_the_customers_entries_only()
    {
        var pipeline = Pipeline();
        var customer = Registered[1];
        for (var i = 0; i < 7; i++)
        {
            await AdjustAsync(pipeline, customer, i + 1);
            await AdjustAsync(pipeline, Registered[2], 100);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await PageAsync(customer, 0, 3);
        var last = await PageAsync(customer, 2, 3);

        Assert.That(first.TotalCount, Is.EqualTo(7));
        Assert.That(first.Events.Select(e => e.Points), Is.EqualTo(new[] { 7, 6, 5 }));
        Assert.That(last.Events.Select(e => e.Points), Is.EqualTo(new[] { 1 }));
        Assert.That((await PageAsync(customer, 3, 3)).Events, Is.Empty);
        Assert.That((await PageAsync(customer, storeId: 2)).TotalCount, Is.Zero, "another store's history");
    }
}
