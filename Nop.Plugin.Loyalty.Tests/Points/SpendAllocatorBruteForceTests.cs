using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>
/// The allocator against the rule written out the slow way, on generated ledgers large enough to reach its radix
/// passes (small buckets are insertion-sorted), with many lots sharing an expiry, an activation or both.
/// The oracle is LINQ ordering, not <see cref="LotOrder"/>, so that a mistake shared by the two cannot hide.
/// </summary>
public class SpendAllocatorBruteForceTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [TestCaseSource(typeof(LotGenerator), nameof(LotGenerator.Seeds), new object[] { 300 })]
    public void Allocation_matches_the_greedy_rule_over_lots_sorted_by_expiry_activation_and_id(int seed)
    {
        var random = new Random(seed);
        var lots = Ledger(random);
        var ordered = InSpendingOrder(lots);
        var available = ordered.Sum(l => (long)l.Remaining);

        foreach (var points in Amounts(random, available))
        {
            Assert.That(SpendAllocator.Allocate(lots, points, Now), Is.EqualTo(Greedy(ordered, points)), $"seed {seed}, {points} of {available} points");
            Assert.That(SpendAllocator.Deduct(lots, points, Now), Is.EqualTo(Greedy(ordered, points)), $"seed {seed}, deduct {points}");
        }

        var beyond = (int)available + 1 + random.Next(1000);
        var ex = Assert.Throws<LoyaltyRuleException>(() => SpendAllocator.Allocate(lots, beyond, Now));
        Assert.That(ex!.ResourceKey, Is.EqualTo(ResourceKeys.InsufficientPoints));
        Assert.That(ex.Arguments, Is.EqualTo(new object[] { beyond, available }));
        Assert.That(SpendAllocator.Deduct(lots, beyond, Now), Is.EqualTo(Greedy(ordered, beyond)), $"seed {seed}, deduct beyond");
    }

    [Test]
    public void Thousands_of_lots_with_the_same_expiry_and_activation_are_taken_by_id()
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, 3000).Select(i => i * 7 + 11).OrderBy(_ => random.Next()).ToList();
        var lots = ids.Select(id => new PointLot(id, 5, 5, Now.AddDays(-3), id % 2 == 0 ? Now.AddDays(4) : null)).ToList();

        foreach (var points in new[] { 1, 5, 4_999, 7_500, 15_000 })
            Assert.That(SpendAllocator.Allocate(lots, points, Now), Is.EqualTo(Greedy(InSpendingOrder(lots), points)), $"{points} points");
    }

    /// <summary>The rule as the issue states it: spendable lots, expiring before non-expiring, then expiry, activation, id.</summary>
    private static List<PointLot> InSpendingOrder(IEnumerable<PointLot> lots) =>
        lots.Where(l => l.Remaining > 0 && l.ActivatesOnUtc <= Now && (l.ExpiresOnUtc is null || l.ExpiresOnUtc > Now))
            .OrderBy(l => l.ExpiresOnUtc is null)
            .ThenBy(l => l.ExpiresOnUtc)
            .ThenBy(l => l.ActivatesOnUtc)
            .ThenBy(l => l.Id)
            .ToList();

    /// <summary>Whole lots in order until the last one, which gives what is still wanted.</summary>
    private static List<LotDraw> Greedy(List<PointLot> ordered, int points)
    {
        var draws = new List<LotDraw>();
        var left = points;
        foreach (var lot in ordered)
        {
            if (left == 0)
                break;
            var take = Math.Min(lot.Remaining, left);
            draws.Add(new LotDraw(lot.Id, take, lot.Remaining - take));
            left -= take;
        }

        return draws;
    }

    private static IEnumerable<int> Amounts(Random random, long available)
    {
        if (available == 0)
            yield break;
        var all = (int)available;
        yield return 1;
        yield return all;
        for (var i = 0; i < 6; i++)
            yield return random.Next(1, all + 1);
        // Small spends stop in the first buckets of the sort; these stop anywhere near them.
        for (var i = 0; i < 3; i++)
            yield return random.Next(1, Math.Min(all, 300) + 1);
    }

    /// <summary>
    /// A ledger whose times are whole days, hours, seconds or raw ticks, drawn from a few instants or many,
    /// so that equal expiries and activations are common; some lots expired (some exactly now), not yet active
    /// (some exactly now, which is active), empty, or never expiring.
    /// </summary>
    private static List<PointLot> Ledger(Random random)
    {
        var count = random.Next(4) switch
        {
            0 => random.Next(0, 30),
            1 => random.Next(25, 300),
            _ => random.Next(300, 4000)
        };
        var unit = random.Next(4) switch
        {
            0 => TimeSpan.TicksPerDay,
            1 => TimeSpan.TicksPerHour,
            2 => TimeSpan.TicksPerSecond,
            _ => 1
        };
        var span = (long)random.Next(1, 500) * TimeSpan.TicksPerDay / unit;
        DateTime Instant(long offset) => Now.AddTicks(offset * unit);
        var expiries = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Instant(random.NextInt64(-span / 10, span))).ToArray();
        var activations = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Instant(random.NextInt64(-span, span / 10))).ToArray();
        var fewExpiries = random.Next(2) == 0;
        var fewActivations = random.Next(2) == 0;
        var neverExpiring = random.NextDouble();

        var firstId = random.Next(-1000, 1_000_000);
        var ids = Enumerable.Range(0, count).Select(i => firstId + i * random.Next(1, 4)).Distinct().OrderBy(_ => random.Next()).ToList();
        return ids.Select(id =>
        {
            var points = random.Next(1, 300);
            var remaining = random.Next(5) == 0 ? random.Next(0, points + 1) : points;
            var activates = random.Next(20) == 0 ? Now
                : fewActivations ? activations[random.Next(activations.Length)]
                : Instant(random.NextInt64(-span, span / 10));
            DateTime? expires = random.NextDouble() < neverExpiring ? null
                : random.Next(20) == 0 ? Now
                : fewExpiries ? expiries[random.Next(expiries.Length)]
                : Instant(random.NextInt64(-span / 10, span));
            return new PointLot(id, points, remaining, activates, expires);
        }).ToList();
    }
}
