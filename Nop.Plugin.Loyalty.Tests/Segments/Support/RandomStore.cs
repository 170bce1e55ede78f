using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Segments.Support;

/// <summary>A seeded random store whose timestamps cluster on the local midnights that windows start and end at.</summary>
public sealed class RandomStore
{
    public const int ProductCount = 12;
    public const int CategoryCount = 8;

    // Three levels below category 1 (1 > 2 > 4 > 5), a deleted branch (3 > 6, deleted, > 7) and a second top category 8.
    private static readonly (int Id, int Parent, bool Deleted)[] Tree =
        [(1, 0, false), (2, 1, false), (3, 1, false), (4, 2, false), (5, 4, false), (6, 3, true), (7, 6, false), (8, 0, false)];

    public RandomStore(int seed, TimeZoneInfo zone, DateTime nowUtc, int customers)
    {
        Zone = zone;
        NowUtc = nowUtc;
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        BoundaryDays = new[] { 0, -1, -6, -7, -29, -30, -364, -365, -400, 1 }.Select(d => today.AddDays(d))
            .Concat([new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, 1, 1),
                     new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1).AddMonths(1)])
            .Concat(Enumerable.Range(0, 6).Select(_ => today.AddDays(-random.Next(800))))
            .Distinct().Order().ToArray();

        foreach (var (id, parent, deleted) in Tree)
            Data.CategoryNode(id, parent, deleted);
        for (var p = 1; p <= ProductCount; p++)
            foreach (var category in Enumerable.Range(1, CategoryCount).Where(_ => random.NextDouble() < 0.3))
                Data.Category(p, category);

        for (var i = 0; i < customers; i++)
            AddCustomer(random);
    }

    public StoreData Data { get; } = new();
    public TimeZoneInfo Zone { get; }
    public DateTime NowUtc { get; }

    /// <summary>Local days that both timestamps and absolute windows are drawn from, so boundaries meet.</summary>
    public DateOnly[] BoundaryDays { get; }

    private static readonly DateTime[] Birthdays =
    [
        new(1992, 2, 29), new(2000, 2, 29), new(1990, 2, 28), new(1985, 3, 1), new(1979, 12, 31), new(1999, 1, 1),
        new(1988, 11, 30), new(1970, 6, 15)
    ];

    private void AddCustomer(Random random)
    {
        var kind = random.NextDouble();
        var c = Data.Customer(registered: kind >= 0.08, configure: c =>
        {
            c.Active = !(kind is >= 0.08 and < 0.12);
            c.Deleted = kind is >= 0.12 and < 0.16;
            c.IsSystemAccount = kind is >= 0.16 and < 0.18;
            c.Email = random.NextDouble() < 0.1 ? null : c.Email;
            c.Gender = random.Next(4) switch { 0 => "M", 1 => "F", 2 => null, _ => random.NextDouble() < 0.5 ? "M" : "F" };
            c.DateOfBirth = random.Next(4) switch
            {
                0 => null,
                1 => Birthdays[random.Next(Birthdays.Length)],
                _ => new DateTime(1960, 1, 1).AddDays(random.Next(365 * 40))
            };
            c.CountryId = random.Next(5);
            c.StateProvinceId = random.Next(6);
            c.RegisteredInStoreId = 1 + random.Next(3);
            c.CreatedOnUtc = Timestamp(random);
        });

        foreach (var role in new[] { 1, 5, 6, 7 }.Where(_ => random.NextDouble() < 0.2))
            Data.Role(c.Id, role);

        var orderCount = random.Next(4) == 0 ? 0 : random.Next(1, 6);
        for (var o = 0; o < orderCount; o++)
        {
            var status = random.Next(10) switch { 0 => 40, 1 => 10, 2 => 20, _ => 30 };
            var order = Data.Order(c.Id, Timestamp(random), Amount(random, 1500m), status, deleted: random.NextDouble() < 0.1, storeId: 1 + random.Next(2));
            for (var i = random.Next(4); i > 0; i--)
                Data.Item(order.Id, 1 + random.Next(ProductCount), Amount(random, 800m), 1 + random.Next(3));
        }

        if (c.Email != null && random.NextDouble() < 0.4)
            Data.Subscription(c.Email, active: random.NextDouble() < 0.75, storeId: 1 + random.Next(2));
        if (random.NextDouble() < 0.05)
            Data.Subscription($"stranger{c.Id}@example.test");

        var entries = random.Next(4);
        var entryTimes = new List<DateTime>();
        for (var e = 0; e < entries; e++)
        {
            // Equal timestamps test the tie-break by id; future ones are not active yet.
            var at = entryTimes.Count > 0 && random.NextDouble() < 0.3
                ? entryTimes[random.Next(entryTimes.Count)]
                : NowUtc.AddDays(random.Next(-60, 10)).AddSeconds(random.Next(-2, 3));
            entryTimes.Add(at);
            Data.Points(c.Id, random.NextDouble() < 0.1 ? null : random.Next(-20, 400), at, storeId: 1 + random.Next(2));
        }
    }

    /// <summary>A timestamp at, just before, just after or some hours after a boundary day's local midnight.</summary>
    private DateTime Timestamp(Random random)
    {
        var day = BoundaryDays[random.Next(BoundaryDays.Length)];
        var local = day.ToDateTime(TimeOnly.MinValue);
        local = random.Next(4) switch
        {
            0 => local,
            1 => local.AddSeconds(-1),
            2 => local.AddSeconds(1),
            _ => local.AddSeconds(random.Next(86_400))
        };
        while (Zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, Zone), DateTimeKind.Unspecified);
    }

    // Multiples of 0.25 add up exactly in SQLite's floating point too; round values hit range bounds exactly.
    private static decimal Amount(Random random, decimal max) =>
        random.Next(5) == 0 ? new[] { 100m, 500m, 1000m }[random.Next(3)] : random.Next((int)(max * 4)) / 4m;
}
