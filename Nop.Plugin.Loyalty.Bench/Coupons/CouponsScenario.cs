using System.Diagnostics;
using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Bench.Coupons;

/// <summary>
/// The engine's coupon pipeline, as the plugin ships it, on a generated store: a distribution to every registered
/// customer (target: 200,000 in under 10 s on PostgreSQL) and the wallet query of a customer holding 500 copies (target:
/// under 20 ms).
/// </summary>
public static class CouponsScenario
{
    private static readonly DateTime Start = new(2027, 4, 1, 1, 0, 0, DateTimeKind.Utc);
    private const int WalletCopies = 500;
    private const int WalletRuns = 50;

    public static int Run(BenchOptions options)
    {
        Console.WriteLine($"Coupons: {options.Database}, {options.Customers:N0} customers, chunk {options.ChunkSize}, seed {options.Seed}; " +
                          $".NET {Environment.Version}, {Environment.ProcessorCount} cores");
        using var db = TestDatabase.Open(options.Database, options.ConnectionString);
        var clock = new ManualClock(Start);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var pipeline = TestCouponPipeline.Create(db, clock, new CouponOptions(zone, options.ChunkSize));
        var report = new Report();

        var registered = report.Step("generate store", () =>
        {
            TestDatabase.CreateSchema(db);
            var ids = CustomerSeeder.AddCustomers(db, CustomerSeeder.CreateRoles(db), options.Customers, options.Seed);
            TestDatabase.Analyze(db);
            return ids;
        }, ids => $"{ids.Count:N0} registered of {options.Customers:N0} customers");

        var couponId = Run(() => pipeline.CreateCouponAsync(new CouponTerms("Spring coffee", CouponValidityKind.DaysFromReceipt, null, null, 10, 3,
            SharingMode.Shareable, DiscountId: 1)));
        var distributionId = Run(() => pipeline.QueueDistributionAsync(new DistributionRow
        {
            CouponId = couponId,
            StoreId = 1,
            TargetJson = GrantTargetJson.Serialize(new AllRegisteredTarget()),
            PlannedCount = registered.Count
        }));
        var issued = report.Step("issue to every registered customer", () => Run(() => pipeline.RunDistributionAsync(distributionId)) == GrantRunOutcome.Completed
            ? db.GetTable<LoyaltyCouponDistribution>().Single(d => d.Id == distributionId).IssuedCount
            : throw new InvalidOperationException("The distribution did not complete."), n => $"{n:N0} copies issued", "target: 200,000 under 10 s");
        var copies = db.GetTable<LoyaltyCouponCopy>().Count();
        report.Figure("check: one copy each", $"{copies:N0} copies for {registered.Count:N0} registered customers", 0);

        var holder = registered[registered.Count / 2];
        report.Step("give one customer 500 copies", () => FillWallet(db, couponId, holder, clock.UtcNow), n => $"{n:N0} copies held");
        TestDatabase.Analyze(db);

        clock.Advance(TimeSpan.FromDays(20)); // some copies are over by now
        foreach (var tab in Enum.GetValues<CopyStatus>())
        {
            var first = Run(() => pipeline.WalletAsync(holder, tab));
            var times = Time(() => pipeline.WalletAsync(holder, tab));
            report.Figure($"wallet: {tab}, first page", $"{first.Items.Count} of the tab's copies (page of 20), median of {WalletRuns}",
                Median(times), $"p95 {Percentile(times, 0.95):N2} ms; target: under 20 ms");
        }

        var deep = Run(() => pipeline.WalletAsync(holder, CopyStatus.Valid, pageSize: 100)).Next;
        if (deep != null)
        {
            var times = Time(() => pipeline.WalletAsync(holder, CopyStatus.Valid, deep));
            report.Figure("wallet: Valid, page after 100", "keyset page of 20, median", Median(times), $"p95 {Percentile(times, 0.95):N2} ms");
        }

        var distinct = db.GetTable<LoyaltyCouponCopy>().Where(c => c.CustomerId == holder).Count();
        report.PrintMarkdown($"Coupons, {options.Database}, {registered.Count:N0} registered customers, wallet of {distinct} copies");
        return copies == registered.Count + WalletCopies - 1 && issued == registered.Count ? 0 : 1;
    }

    /// <summary>
    /// 499 more copies for one customer through the engine's writer, of ten coupons received over 60 days: some used up,
    /// some over by the time the wallet is read, as a long-time customer's wallet would be.
    /// </summary>
    private static int FillWallet(LinqToDB.Data.DataConnection db, int couponId, int customerId, DateTime nowUtc)
    {
        var random = new Random(5);
        var writer = new LinqCouponWriter(db);
        var copies = Enumerable.Range(1, WalletCopies - 1).Select(i =>
        {
            var received = nowUtc.AddDays(-random.Next(60));
            var total = 1 + random.Next(5);
            return new CopyRow
            {
                CouponId = couponId,
                CustomerId = customerId,
                OriginId = (int)CopyOrigin.Share,
                SourceId = 1_000_000 + i,
                SharedByCustomerId = 1,
                ReceivedOnUtc = received,
                ValidFromUtc = received,
                ValidUntilUtc = received.AddDays(5 + random.Next(40)),
                UsesTotal = total,
                UsesLeft = random.Next(4) == 0 ? 0 : random.Next(1, total + 1)
            };
        }).ToList();
        Run(async () =>
        {
            await writer.InsertCopiesAsync(copies);
            return 0;
        });
        return db.GetTable<LoyaltyCouponCopy>().Count(c => c.CustomerId == customerId);
    }

    private static List<double> Time(Func<Task<WalletPage>> query)
    {
        for (var i = 0; i < 5; i++)
            Run(query);
        var times = new List<double>();
        for (var i = 0; i < WalletRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            Run(query);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> times) => Percentile(times, 0.5);

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>Waits for a pipeline step: the report times steps synchronously.</summary>
    private static T Run<T>(Func<Task<T>> step) => step().GetAwaiter().GetResult();
}
