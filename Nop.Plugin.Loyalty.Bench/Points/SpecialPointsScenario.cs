using System.Diagnostics;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Bench.Points;

/// <summary>
/// The engine's special points pipeline, as the plugin ships it, on a generated store: target, bulk grant (against the
/// naive baseline), spend, expire, purge.
/// </summary>
public static class SpecialPointsScenario
{
    private static readonly DateTime Start = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    public static int Run(BenchOptions options)
    {
        Console.WriteLine($"Special points pipeline: {options.Database}, {options.Customers:N0} customers, chunk {options.ChunkSize}, " +
                          $"seed {options.Seed}; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        using var db = TestDatabase.Open(options.Database, options.ConnectionString);
        var clock = new ManualClock(Start);
        var pipeline = TestPipeline.Create(db, clock, new PipelineOptions(options.ChunkSize));
        var report = new Report();

        var registered = report.Step("generate store", () => Generate(db, options), ids => $"{ids.Count:N0} registered of {options.Customers:N0} customers, a third holding ordinary points");

        var target = new AllRegisteredTarget();
        report.Step("target: count recipients", () => target.Compile(NopStore.Sources(db)).Count(), n => $"{n:N0} recipients, one COUNT statement");

        var terms = new GrantTerms("Autumn bonus", 100, Start.AddDays(30));
        var bulkId = Run(() => pipeline.QueueGrantAsync(Grant(terms, target)));
        var bulk = report.Step("bulk grant (set-based)", () =>
        {
            var outcome = Run(() => pipeline.RunAsync(bulkId));
            return outcome == GrantRunOutcome.Completed
                ? db.GetTable<LoyaltySpecialGrant>().Single(g => g.Id == bulkId).GrantedCount
                : throw new InvalidOperationException($"The bulk grant ended {outcome}.");
        }, n => $"{n:N0} customers granted");

        TestDatabase.Analyze(db);
        var naiveCount = Math.Min(options.NaiveCustomers, registered.Count);
        clock.Advance(TimeSpan.FromMinutes(1));
        var naiveTerms = terms with { Name = "Autumn bonus (baseline)" };
        // Stored as a grant so that its recipients are the pipeline's, then granted the naive way instead of run.
        var naiveId = Run(() => pipeline.QueueGrantAsync(Grant(naiveTerms, new CustomerListTarget([], [], "baseline"))));
        var naive = report.Step("naive grant (per customer)", () => NaiveGrant.Run(db, naiveId, naiveTerms, registered.Take(naiveCount), clock.UtcNow),
            n => $"{n:N0} customers, 5 round trips each");
        var ratio = (report.Ms("naive grant (per customer)") / naive) / (report.Ms("bulk grant (set-based)") / bulk);
        report.Figure("bulk vs naive, per customer", $"bulk is {ratio:N1}x faster per customer", 0, "target: at least 50x");

        SpendInMemory(report, options);
        SpendOnDatabase(db, pipeline, clock, report, registered[0], options.Lots);

        clock.Advance(TimeSpan.FromDays(31));
        report.Step("expire due lots", () => Run(() => pipeline.ExpireDueAsync()), n => $"{n:N0} lots expired");
        clock.Advance(TimeSpan.FromDays(31));
        report.Step("purge (after 30 days)", () => Run(() => pipeline.PurgeAsync(30)), n => $"{n:N0} unused special lots purged");
        RevokeAll(db, pipeline, clock, report, target, options.RevokeCycles);

        var negative = db.GetTable<NopRewardPointsHistory>().Count(h => h.PointsBalance < 0);
        report.Figure("check: negative balances", $"{negative} entries with a negative running balance", 0);
        report.PrintMarkdown($"Special points, {options.Database}, {options.Customers:N0} customers");
        return negative == 0 ? 0 : 1;
    }

    /// <summary>
    /// A grant to everyone registered, then its revoke-all as the background run does it: the two times side by side, on
    /// the same customers and the same ledger. Repeated <paramref name="cycles"/> times, each pair timed back to back, so
    /// that the median ratio holds on a shared machine whose load moves between runs.
    /// </summary>
    private static void RevokeAll(DataConnection db, SpecialPointsPipeline pipeline, ManualClock clock, Report report, GrantTarget target,
        int cycles)
    {
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        var cpu = CpuMeter.For(db);
        var left = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var (grantStep, revokeStep) = cycle == 1
                ? ("grant to revoke (set-based)", "revoke all")
                : ($"grant to revoke #{cycle}", $"revoke all #{cycle}");
            clock.Advance(TimeSpan.FromMinutes(1));
            var grantId = Run(() => pipeline.QueueGrantAsync(Grant(new GrantTerms($"Winter bonus {cycle}", 100, clock.UtcNow.AddDays(30)), target)));
            var grantStart = cpu?.Used();
            var granted = report.Step(grantStep, () => Run(() => pipeline.RunAsync(grantId)) == GrantRunOutcome.Completed
                ? db.GetTable<LoyaltySpecialGrant>().Single(g => g.Id == grantId).GrantedCount
                : throw new InvalidOperationException("The grant to revoke did not complete."), n => $"{n:N0} customers granted");
            var grantCpu = cpu?.Used() - grantStart;

            TestDatabase.Analyze(db);
            clock.Advance(TimeSpan.FromHours(1));
            var revokeStart = cpu?.Used();
            var revoked = report.Step(revokeStep, () =>
            {
                Run(async () =>
                {
                    await pipeline.RequestRevokeAllAsync(grantId);
                    return 0;
                });
                return Run(() => pipeline.RunAsync(grantId)) == GrantRunOutcome.Revoked
                    ? db.GetTable<LoyaltySpecialGrant>().Single(g => g.Id == grantId).RevokedCount
                    : throw new InvalidOperationException("The revoke-all did not end revoked.");
            }, n => $"{n:N0} recipients' points taken back");
            var revokeCpu = cpu?.Used() - revokeStart;

            left += db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => r.GrantId == grantId)
                .Join(db.GetTable<NopRewardPointsHistory>(), r => r.LedgerEntryId, h => h.Id, (r, h) => h.ValidPoints ?? 0).Sum();
            ratios.Add((report.Ms(revokeStep) / revoked) / (report.Ms(grantStep) / granted));
            if (grantCpu is { } g && revokeCpu is { } r)
            {
                cpuRatios.Add(r / revoked / (g / granted));
                report.Figure($"cpu: {revokeStep} vs grant", $"{r.TotalMilliseconds:N0} ms against {g.TotalMilliseconds:N0} ms " +
                    "(bench and database backend)", 0);
            }
        }

        report.Figure("revoke all vs grant, per customer", $"revoke-all takes {Median(ratios)} the grant's time; {left:N0} points left in its lots", 0,
            "target: at most 1x");
        if (cpuRatios.Count > 0)
            report.Figure("cpu: revoke all vs grant, per customer", $"revoke-all uses {Median(cpuRatios)} the grant's CPU", 0,
                "bench and PostgreSQL backend, not the server's background writes");
    }

    /// <summary>The median ratio, followed by every ratio when there are several.</summary>
    private static string Median(IReadOnlyList<double> ratios)
    {
        var sorted = ratios.Order().ToList();
        var median = (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
        return ratios.Count == 1 ? $"{median:N2}x" : $"{median:N2}x (median of {ratios.Count} pairs: {string.Join(", ", ratios.Select(r => r.ToString("N2")))})";
    }

    /// <summary>The spend allocation alone: quick to repeat on a noisy machine, no store to generate.</summary>
    public static int RunSpend(BenchOptions options)
    {
        Console.WriteLine($"Spend allocation: {options.Lots:N0} lots, seed {options.Seed}; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var report = new Report();
        SpendInMemory(report, options);
        report.PrintMarkdown($"Spend allocation, {options.Lots:N0} lots");
        return 0;
    }

    private static GrantRow Grant(GrantTerms terms, GrantTarget target) => new()
    {
        Name = terms.Name,
        Points = terms.Points,
        ExpiresOnUtc = terms.ExpiresOnUtc!.Value,
        StoreId = 1,
        TargetJson = GrantTargetJson.Serialize(target)
    };

    /// <summary>Waits for a pipeline step: the report times steps synchronously.</summary>
    private static T Run<T>(Func<Task<T>> step) => step().GetAwaiter().GetResult();

    private static IReadOnlyList<int> Generate(DataConnection db, BenchOptions options)
    {
        TestDatabase.CreateSchema(db);
        var roles = CustomerSeeder.CreateRoles(db);
        var registered = CustomerSeeder.AddCustomers(db, roles, options.Customers, options.Seed);
        db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, registered.Where((_, i) => i % 3 == 0).Select(id => new NopRewardPointsHistory
        {
            CustomerId = id,
            StoreId = 1,
            Points = 250,
            PointsBalance = 250,
            Message = "Welcome points",
            CreatedOnUtc = Start.AddDays(-60),
            ValidPoints = 250
        }));
        TestDatabase.Analyze(db);
        return registered;
    }

    /// <summary>The engine's allocation alone, for a customer holding many lots: median of repeated runs.</summary>
    private static void SpendInMemory(Report report, BenchOptions options)
    {
        var random = new Random(options.Seed);
        var now = Start;
        var lots = Enumerable.Range(1, options.Lots)
            .Select(id => new PointLot(id, 10, 10, now.AddDays(-random.Next(1, 400)), random.Next(5) == 0 ? null : now.AddDays(random.Next(1, 365))))
            .ToList();

        foreach (var (label, points) in new[] { ("small spend", 250), ("half the balance", options.Lots * 5), ("whole balance", options.Lots * 10) })
        {
            for (var i = 0; i < 20; i++)
                SpendAllocator.Allocate(lots, points, now);
            var samples = new double[201];
            for (var i = 0; i < samples.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                SpendAllocator.Allocate(lots, points, now);
                samples[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(samples);
            report.Figure($"spend allocation: {label}", $"{options.Lots:N0} lots, {points:N0} points, median of {samples.Length}", samples[samples.Length / 2],
                $"p90 {samples[(int)(samples.Length * 0.9)]:N4} ms; target under 0.5 ms");
        }
    }

    /// <summary>A checkout spend end to end on the database: load the open lots, allocate, write.</summary>
    private static void SpendOnDatabase(DataConnection db, SpecialPointsPipeline pipeline, ManualClock clock, Report report, int customerId, int lotCount)
    {
        var random = new Random(lotCount);
        var balance = Run(() => pipeline.BalanceAsync(customerId));
        // The lots' running balances do not matter here; one entry after them carries the customer's new balance.
        db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, Enumerable.Range(0, lotCount).Select(i => new NopRewardPointsHistory
        {
            CustomerId = customerId,
            StoreId = 1,
            Points = 10,
            PointsBalance = 0,
            Message = "Many lots",
            CreatedOnUtc = clock.UtcNow.AddDays(-random.Next(1, 400)),
            EndDateUtc = random.Next(5) == 0 ? null : clock.UtcNow.AddDays(random.Next(1, 365)),
            ValidPoints = 10
        }));
        db.Insert(new NopRewardPointsHistory
        {
            CustomerId = customerId,
            StoreId = 1,
            PointsBalance = balance + lotCount * 10,
            Message = "Balance after many lots",
            CreatedOnUtc = clock.UtcNow
        });
        clock.Advance(TimeSpan.FromMinutes(1));
        report.Step("spend on database (checkout)", () => Run(() => pipeline.SpendAsync(new PointsSpend(customerId, 1, 250, "Spent", ForOrder: true))),
            id => $"{lotCount:N0} open lots loaded, 250 points drawn earliest expiry first, balance " +
                  $"{db.GetTable<NopRewardPointsHistory>().Where(h => h.Id == id).Select(h => h.PointsBalance).Single():N0} after");
    }
}
