using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Tests.Points;

public class SpendAllocatorTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Spending_takes_earliest_expiring_points_first_and_non_expiring_last()
    {
        var lots = new[]
        {
            new PointLot(1, 100, 100, Now.AddDays(-30), null),
            new PointLot(2, 50, 50, Now.AddDays(-5), Now.AddDays(20)),
            new PointLot(3, 40, 40, Now.AddDays(-10), Now.AddDays(3)),
        };

        var draws = SpendAllocator.Allocate(lots, 120, Now);

        Assert.That(draws, Is.EqualTo(new[]
        {
            new LotDraw(3, 40, 0),
            new LotDraw(2, 50, 0),
            new LotDraw(1, 30, 70),
        }));
    }

    [Test]
    public void Equal_expiry_is_broken_by_activation_then_id()
    {
        var expiry = Now.AddDays(10);
        var lots = new[]
        {
            new PointLot(7, 10, 10, Now.AddDays(-1), expiry),
            new PointLot(5, 10, 10, Now.AddDays(-1), expiry),
            new PointLot(9, 10, 10, Now.AddDays(-2), expiry),
        };

        var order = SpendAllocator.Allocate(lots, 30, Now).Select(d => d.LotId);

        Assert.That(order, Is.EqualTo(new[] { 9, 5, 7 }));
    }

    [Test]
    public void Expired_and_not_yet_active_lots_are_not_spent()
    {
        var lots = new[]
        {
            new PointLot(1, 100, 100, Now.AddDays(-30), Now.AddDays(-1)),
            new PointLot(2, 100, 100, Now.AddDays(1), Now.AddDays(30)),
            new PointLot(3, 20, 20, Now.AddDays(-1), null),
        };

        var ex = Assert.Throws<LoyaltyRuleException>(() => SpendAllocator.Allocate(lots, 21, Now));

        Assert.That(ex!.ResourceKey, Is.EqualTo(ResourceKeys.InsufficientPoints));
        Assert.That(ex.Arguments, Is.EqualTo(new object[] { 21, 20L }));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Spending_nothing_or_less_is_refused(int points)
    {
        var ex = Assert.Throws<LoyaltyRuleException>(() =>
            SpendAllocator.Allocate([new PointLot(1, 10, 10, Now.AddDays(-1), null)], points, Now));

        Assert.That(ex!.ResourceKey, Is.EqualTo(ResourceKeys.SpendNotPositive));
    }

    [Test]
    public void A_deduction_takes_what_the_lots_hold_earliest_expiry_first_and_no_more()
    {
        var lots = new[]
        {
            new PointLot(1, 100, 100, Now.AddDays(-30), null),
            new PointLot(2, 40, 40, Now.AddDays(-10), Now.AddDays(3)),
        };

        Assert.That(SpendAllocator.Deduct(lots, 50, Now), Is.EqualTo(new[] { new LotDraw(2, 40, 0), new LotDraw(1, 10, 90) }));
        Assert.That(SpendAllocator.Deduct(lots, 500, Now), Is.EqualTo(new[] { new LotDraw(2, 40, 0), new LotDraw(1, 100, 0) }));
        Assert.That(SpendAllocator.Deduct([], 5, Now), Is.Empty);
    }
}
