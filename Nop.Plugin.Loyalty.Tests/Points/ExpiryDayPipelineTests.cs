using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Testing;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>A grant expiring on a day: usable to the last moment of that day in the store's zone, gone at its midnight.</summary>
public class ExpiryDayPipelineTests(DatabaseKind kind) : PipelineFixture(kind)
{
    [TestCase("Asia/Tokyo", 2026, 12, 28)]
    [TestCase("America/New_York", 2027, 3, 13)] // the day before clocks spring forward
    [TestCase("America/Santiago", 2027, 9, 4)] // the day before a skipped midnight
    public async Task Points_expiring_on_a_day_are_usable_all_that_day(string zoneId, int year, int month, int day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var expiryDay = new DateOnly(year, month, day);
        var pipeline = Pipeline();
        var grant = Grant("Year end", 80, TimeSpan.Zero);
        grant.ExpiresOnUtc = new ExpiryDay(expiryDay, null).ToUtc(zone);
        var grantId = await pipeline.QueueGrantAsync(grant);
        Assert.That(await pipeline.RunAsync(grantId), Is.EqualTo(GrantRunOutcome.Completed));
        var customer = Registered[0];

        var lastMoment = Lot(grantId, customer).EndDateUtc!.Value.AddMilliseconds(-1);
        Assert.That(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(lastMoment, zone)), Is.EqualTo(expiryDay),
            "a millisecond before the stored expiry is still the expiry day there");
        Clock.Advance(lastMoment - Clock.UtcNow);
        Assert.That(await pipeline.ExpireDueAsync(), Is.Zero);
        Assert.That(await pipeline.BalanceAsync(customer), Is.EqualTo(80));

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Clock.UtcNow, zone)), Is.EqualTo(expiryDay.AddDays(1)));
        Assert.That(await pipeline.ExpireDueAsync(), Is.EqualTo(Registered.Count));
        Assert.That(await pipeline.BalanceAsync(customer), Is.Zero);
    }
}
