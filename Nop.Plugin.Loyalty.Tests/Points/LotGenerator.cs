using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Random but repeatable customer ledgers for the invariant tests.</summary>
internal static class LotGenerator
{
    public static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Seeds for the generated cases: each test case is one seed, so a failure names its seed.</summary>
    public static IEnumerable<int> Seeds(int count) => Enumerable.Range(1, count);

    /// <summary>
    /// Lots with expiries in the past, the future or none, some not yet active, some partly used,
    /// and many sharing an expiry instant, so that ties are exercised.
    /// </summary>
    public static List<PointLot> Lots(Random random, int maxCount = 40)
    {
        var count = random.Next(0, maxCount + 1);
        return Enumerable.Range(1, count).Select(id =>
        {
            var points = random.Next(1, 500);
            var remaining = random.Next(4) == 0 ? random.Next(0, points + 1) : points;
            var activates = Now.AddHours(random.Next(-2000, 48));
            DateTime? expires = random.Next(4) == 0 ? null : Now.AddDays(random.Next(-20, 20));
            return new PointLot(id * 3 + random.Next(3), points, remaining, activates, expires, random.Next(2) == 0);
        }).ToList();
    }
}
