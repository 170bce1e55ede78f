using System.Diagnostics;
using FluentAssertions;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Domains;
using Nop.Services.Orders;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// The bulk grant on the real plugin path against one AddRewardPointsHistoryEntryAsync round trip per customer.
/// A printed figure, not a timed assertion. N: environment variable LOYALTY_BENCH_CUSTOMERS (default 2000).
/// </summary>
[TestFixture]
public class BulkGrantBenchmark : LoyaltyHarness
{
    [Test]
    public async Task BulkGrantVersusOneEntryPerCustomer()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("LOYALTY_BENCH_CUSTOMERS"), out var parsed) && parsed > 0 ? parsed : 2000;
        await CreateServicesAsync(chunkSize: 1000);

        var bulkCustomers = await CreateCustomersAsync(n, "bulk");
        var loopCustomers = await CreateCustomersAsync(n, "loop");
        var expires = DateTime.UtcNow.AddDays(30);

        var bulkClock = Stopwatch.StartNew();
        var grant = await GrantAsync("Benchmark campaign", 25, bulkCustomers, expires);
        bulkClock.Stop();
        grant.Status.Should().Be(SpecialGrantStatus.Completed);
        grant.GrantedCount.Should().Be(n);

        var nopService = GetService<IRewardPointService>();
        var loopClock = Stopwatch.StartNew();
        foreach (var customer in loopCustomers)
            await nopService.AddRewardPointsHistoryEntryAsync(customer, 25, StoreId, "Benchmark campaign", endDate: expires);
        loopClock.Stop();

        TestContext.Out.WriteLine($"Bulk grant to {n} customers (chunks of {Settings.GrantChunkSize}, SQLite harness): {bulkClock.ElapsedMilliseconds} ms");
        TestContext.Out.WriteLine($"One AddRewardPointsHistoryEntryAsync per customer ({n}):               {loopClock.ElapsedMilliseconds} ms");
        TestContext.Out.WriteLine($"Ratio (per-customer / bulk): {Ratio(loopClock.Elapsed, bulkClock.Elapsed)}x");
    }
}
