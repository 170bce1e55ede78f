using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Tests.Infrastructure;
using Nop.Plugin.Loyalty.Tests.Segments.Support;

namespace Nop.Plugin.Loyalty.Tests.Segments;

/// <summary>Random definitions compiled and run on the database must select exactly what the reference evaluator selects.</summary>
public sealed class SegmentDifferentialTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const int DefinitionsPerStore = 120;
    private const int CustomersPerStore = 120;

    // Instants chosen for their calendars: a non-leap 28 February one second before Tokyo midnight,
    // a leap 29 February, a month start, and New York's autumn daylight saving change. Each store is queried
    // once through nopCommerce's order tables and once through the plugin's purchase table.
    private static readonly (int Seed, string Zone, DateTime NowUtc)[] Calendars =
    [
        (11, "Asia/Tokyo", new DateTime(2026, 2, 28, 14, 59, 59)),
        (12, "Asia/Tokyo", new DateTime(2028, 2, 29, 3, 0, 0)),
        (13, "UTC", new DateTime(2026, 11, 1, 0, 0, 0)),
        (14, "America/New_York", new DateTime(2026, 11, 1, 7, 30, 0)),
    ];

    private static IEnumerable<object[]> Stores() =>
        from c in Calendars
        from purchaseTable in new[] { false, true }
        select new object[] { c.Seed, c.Zone, c.NowUtc, purchaseTable };

    [TestCaseSource(nameof(Stores))]
    public void Compiled_segments_select_what_the_reference_evaluator_selects(int seed, string zoneId, DateTime nowUtc, bool purchaseTable)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var store = new RandomStore(seed, zone, nowUtc, CustomersPerStore);
        store.Data.Insert(Db);
        if (purchaseTable)
            Assert.That(NopStore.FillPurchaseLines(Db), Is.EqualTo(store.Data.OrderItems.Count));
        var sources = NopStore.Sources(Db, purchaseTable);
        var context = new SegmentContext(zone, nowUtc);
        var reference = new ReferenceEvaluator(store.Data, zone, nowUtc);
        var definitions = new RandomSegments(seed * 1000, store.BoundaryDays);

        var failures = new List<string>();
        var nonTrivial = 0;
        for (var i = 0; i < DefinitionsPerStore; i++)
        {
            var definition = definitions.Next();
            var expected = reference.Evaluate(definition);
            var actual = new SortedSet<int>(SegmentCompiler.Compile(definition, sources, context).ToList());
            if (expected.Count > 0 && expected.Count < 60)
                nonTrivial++;
            if (!expected.SetEquals(actual))
                failures.Add($"#{i}: {SegmentJson.Serialize(definition)}\n  expected only: [{string.Join(",", expected.Except(actual))}]" +
                             $"\n  actual only: [{string.Join(",", actual.Except(expected))}]");
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(5)));
        Assert.That(nonTrivial, Is.GreaterThan(DefinitionsPerStore / 4), "too few definitions select some but not most customers");
    }
}
