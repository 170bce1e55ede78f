using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using static Nop.Plugin.Loyalty.Tests.Points.LotGenerator;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>The ledger's invariants over hundreds of generated ledgers: points conserved, no negative balance, earliest expiry first.</summary>
public class PointsInvariantTests
{
    [TestCaseSource(typeof(LotGenerator), nameof(Seeds), new object[] { 400 })]
    public void A_spend_conserves_points_and_takes_earliest_expiry_first(int seed)
    {
        var random = new Random(seed);
        var lots = Lots(random);
        var spendable = lots.Where(l => l.IsSpendableAt(Now)).ToList();
        var available = spendable.Sum(l => l.Remaining);
        if (available == 0)
        {
            Assert.Throws<LoyaltyRuleException>(() => SpendAllocator.Allocate(lots, 1, Now));
            return;
        }

        var spend = random.Next(1, available + 1);
        var draws = SpendAllocator.Allocate(lots, spend, Now);

        Assert.That(draws.Sum(d => d.Points), Is.EqualTo(spend), "points spent equal points drawn");
        var byId = lots.ToDictionary(l => l.Id);
        foreach (var draw in draws)
        {
            var lot = byId[draw.LotId];
            Assert.That(lot.IsSpendableAt(Now), "only spendable lots are drawn");
            Assert.That(draw.Points, Is.InRange(1, lot.Remaining));
            Assert.That(draw.RemainingAfter, Is.EqualTo(lot.Remaining - draw.Points), "remaining conserved");
        }

        // Earliest expiry first, by the rule written out here rather than the engine's comparer: a lot never expiring
        // comes last, equal expiries go by activation, then by id.
        var expectedOrder = spendable
            .OrderBy(l => l.ExpiresOnUtc ?? DateTime.MaxValue).ThenBy(l => l.ActivatesOnUtc).ThenBy(l => l.Id)
            .Select(l => l.Id).Take(draws.Count);
        Assert.That(draws.Select(d => d.LotId), Is.EqualTo(expectedOrder));
        Assert.That(draws.Take(draws.Count - 1).Select(d => d.RemainingAfter), Has.All.EqualTo(0), "a lot is drained before the next is touched");
        // Brute force: no lot left holding points expires before one that was drawn.
        var drawn = draws.Select(d => d.LotId).ToHashSet();
        var lastDrawn = byId[draws[^1].LotId];
        var left = spendable.Where(l => !drawn.Contains(l.Id));
        Assert.That(left.Where(l => (l.ExpiresOnUtc ?? DateTime.MaxValue) < (lastDrawn.ExpiresOnUtc ?? DateTime.MaxValue)), Is.Empty);
    }

    [TestCaseSource(typeof(LotGenerator), nameof(Seeds), new object[] { 200 })]
    public void A_spend_beyond_what_is_available_is_refused(int seed)
    {
        var random = new Random(seed);
        var lots = Lots(random);
        var available = lots.Where(l => l.IsSpendableAt(Now)).Sum(l => l.Remaining);

        var ex = Assert.Throws<LoyaltyRuleException>(() => SpendAllocator.Allocate(lots, available + 1 + random.Next(100), Now));

        Assert.That(ex!.ResourceKey, Is.EqualTo(ResourceKeys.InsufficientPoints));
    }

    [TestCaseSource(typeof(LotGenerator), nameof(Seeds), new object[] { 400 })]
    public void Expiry_never_takes_a_balance_below_zero_and_conserves_points(int seed)
    {
        var random = new Random(seed);
        var lots = Lots(random);
        var held = lots.Where(l => l.ActivatesOnUtc <= Now).Sum(l => l.Remaining);
        // Manual adjustments can leave the balance below (or, rarely, above) what the lots hold.
        var balance = random.Next(3) switch
        {
            0 => held,
            1 => random.Next(0, held + 1),
            _ => random.Next(-50, held + 200)
        };

        var result = LotRetirement.Expire(lots, balance, Now);

        var due = lots.Where(l => l.IsDueForExpiryAt(Now)).ToList();
        Assert.That(result.Draws.Select(d => d.LotId), Is.EquivalentTo(due.Select(l => l.Id)), "every due lot is retired, nothing else");
        Assert.That(result.Draws.Select(d => d.RemainingAfter), Has.All.EqualTo(0));
        Assert.That(result.FinalBalance, Is.EqualTo(balance - result.TotalPoints), "points conserved");
        Assert.That(result.TotalPoints, Is.EqualTo(Math.Clamp(balance, 0, due.Sum(l => l.Remaining))));
        if (balance >= 0)
            Assert.That(result.BalancesAfter, Has.All.GreaterThanOrEqualTo(0), "no negative balance through expiry");
        else
            Assert.That(result.TotalPoints, Is.Zero, "a balance already below zero loses nothing more");
        foreach (var draw in result.Draws)
            Assert.That(draw.Points, Is.LessThanOrEqualTo(due.Single(l => l.Id == draw.LotId).Remaining));
    }

    [TestCaseSource(typeof(LotGenerator), nameof(Seeds), new object[] { 300 })]
    public void A_statement_never_shows_more_limited_points_than_the_balance(int seed)
    {
        var random = new Random(seed);
        var lots = Lots(random);
        var balance = random.Next(0, 3000);

        var statement = PointsStatement.Build(lots, balance, Now, TimeSpan.FromDays(7));

        Assert.That(statement.LimitedTotal, Is.LessThanOrEqualTo(balance));
        Assert.That(statement.ExpiringSoon, Is.LessThanOrEqualTo(statement.LimitedTotal));
        Assert.That(statement.Limited.Select(l => l.ExpiresOnUtc), Is.Ordered);
        Assert.That(statement.Limited.All(l => l.ExpiresOnUtc > Now && l.Points > 0));
        var limitedHeld = lots.Where(l => l.IsSpendableAt(Now) && l.ExpiresOnUtc.HasValue).Sum(l => l.Remaining);
        Assert.That(statement.LimitedTotal, Is.EqualTo(Math.Min(balance, limitedHeld)));
    }

    [TestCaseSource(typeof(LotGenerator), nameof(Seeds), new object[] { 150 })]
    public void A_ledger_run_through_random_operations_keeps_its_invariants(int seed)
    {
        var random = new Random(seed);
        var ledger = new SimulatedLedger();
        for (var step = 0; step < 60; step++)
        {
            switch (random.Next(5))
            {
                case 0:
                    ledger.Grant(random.Next(1, 300), random.Next(3) == 0 ? null : TimeSpan.FromHours(random.Next(1, 200)));
                    break;
                case 1:
                    var points = random.Next(1, 400);
                    if (ledger.Spend(points))
                        Assert.That((ledger.Balance, ledger.Lots.Sum(l => l.Remaining)),
                            Is.EqualTo((ledger.BeforeLastSpend.Balance - points, ledger.BeforeLastSpend.Held - points)),
                            $"seed {seed}, step {step}: a spend takes its points from the balance and the lots alike");
                    break;
                case 2:
                    ledger.Adjust(-random.Next(1, 100));
                    break;
                case 3:
                    ledger.Advance(TimeSpan.FromHours(random.Next(1, 72)));
                    break;
                default:
                    ledger.Expire();
                    break;
            }

            Assert.That(ledger.Lots.All(l => l.Remaining >= 0 && l.Remaining <= l.Points));
            Assert.That(ledger.NegativeAfterExpiry, Is.False, $"seed {seed}, step {step}: expiry made a balance negative");
        }
    }
}
