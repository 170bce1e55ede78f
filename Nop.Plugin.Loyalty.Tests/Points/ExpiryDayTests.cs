using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>
/// An expiry day and time zone to the instant the points stop being usable, and back. Expected instants are worked out
/// by hand from each zone's published rules; the sweeps check every day against .NET's own conversion.
/// </summary>
public class ExpiryDayTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static readonly object[] EndOfDayCases =
    [
        // Tokyo, UTC+9, no daylight saving time: the grant ends at midnight, not at 21:19.
        new object[] { "Asia/Tokyo", new DateOnly(2027, 1, 7), Utc(2027, 1, 7, 15) },
        // New York, the day before clocks spring forward at 02:00 on 8 March 2026: midnight is still EST (UTC-5).
        new object[] { "America/New_York", new DateOnly(2026, 3, 7), Utc(2026, 3, 8, 5) },
        // ... and the 23-hour day itself ends at midnight EDT (UTC-4).
        new object[] { "America/New_York", new DateOnly(2026, 3, 8), Utc(2026, 3, 9, 4) },
        // The 25-hour day clocks fall back (1 November 2026 at 02:00) ends at midnight EST.
        new object[] { "America/New_York", new DateOnly(2026, 11, 1), Utc(2026, 11, 2, 5) },
        // Santiago skips midnight: on 6 September 2026 clocks go from 00:00 (UTC-4) to 01:00 (UTC-3), so 5 September
        // ends at 01:00 local, 04:00 UTC.
        new object[] { "America/Santiago", new DateOnly(2026, 9, 5), Utc(2026, 9, 6, 4) },
        // Havana repeats the hour after midnight: on 1 November 2026 clocks go back from 01:00 (UTC-4) to 00:00
        // (UTC-5); 31 October ends at the first midnight, 04:00 UTC.
        new object[] { "America/Havana", new DateOnly(2026, 10, 31), Utc(2026, 11, 1, 4) },
        // London in summer time (UTC+1).
        new object[] { "Europe/London", new DateOnly(2026, 7, 14), Utc(2026, 7, 14, 23) },
    ];

    [TestCaseSource(nameof(EndOfDayCases))]
    public void By_default_points_last_to_the_end_of_their_day(string zoneId, DateOnly day, DateTime expected)
    {
        var zone = Zone(zoneId);

        var instant = new ExpiryDay(day, null).ToUtc(zone);

        Assert.That(instant, Is.EqualTo(expected));
        Assert.That(instant.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(ExpiryDay.Of(instant, zone), Is.EqualTo(new ExpiryDay(day, null)), "read back as that day, no time");
    }

    [Test]
    public void A_time_the_clocks_skip_is_the_instant_they_skip_to()
    {
        // New York, 8 March 2026: 02:00-03:00 does not exist; 02:30 is 03:00 EDT, 07:00 UTC.
        var zone = Zone("America/New_York");

        var instant = new ExpiryDay(new DateOnly(2026, 3, 8), new TimeOnly(2, 30)).ToUtc(zone);

        Assert.That(instant, Is.EqualTo(Utc(2026, 3, 8, 7)));
    }

    [Test]
    public void A_time_the_clocks_show_twice_is_its_first_occurrence()
    {
        // New York, 1 November 2026: 01:30 happens at EDT (05:30 UTC) and again at EST (06:30 UTC).
        var zone = Zone("America/New_York");

        var instant = new ExpiryDay(new DateOnly(2026, 11, 1), new TimeOnly(1, 30)).ToUtc(zone);

        Assert.That(instant, Is.EqualTo(Utc(2026, 11, 1, 5, 30)));
        Assert.That(ExpiryDay.Of(instant, zone), Is.EqualTo(new ExpiryDay(new DateOnly(2026, 11, 1), new TimeOnly(1, 30))));
    }

    [Test]
    public void A_time_is_read_back_with_its_day_and_time()
    {
        var zone = Zone("Asia/Tokyo");

        Assert.That(new ExpiryDay(new DateOnly(2027, 1, 7), new TimeOnly(21, 19)).ToUtc(zone), Is.EqualTo(Utc(2027, 1, 7, 12, 19)));
        Assert.That(ExpiryDay.Of(Utc(2027, 1, 7, 12, 19), zone), Is.EqualTo(new ExpiryDay(new DateOnly(2027, 1, 7), new TimeOnly(21, 19))));
    }

    [Test]
    public void An_instant_is_read_in_the_viewers_zone()
    {
        // The end of 7 January in Tokyo is 10:00 on 7 January in New York: a day and a time there.
        var endInTokyo = Utc(2027, 1, 7, 15);

        Assert.That(ExpiryDay.Of(endInTokyo, Zone("America/New_York")),
            Is.EqualTo(new ExpiryDay(new DateOnly(2027, 1, 7), new TimeOnly(10, 0))));
    }

    [TestCase("America/New_York")]
    [TestCase("America/Santiago")]
    [TestCase("America/Havana")]
    [TestCase("Europe/London")]
    [TestCase("Australia/Lord_Howe")]
    [TestCase("Asia/Tokyo")]
    public void Every_day_ends_at_the_first_instant_of_the_next(string zoneId)
    {
        var zone = Zone(zoneId);
        var failures = new List<string>();
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2031, 1, 1); day = day.AddDays(1))
        {
            var end = new ExpiryDay(day, null).ToUtc(zone);
            var at = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(end, zone));
            var justBefore = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(end.AddTicks(-1), zone));
            if (at != day.AddDays(1) || justBefore != day)
                failures.Add($"{day}: ends {end:u}, reads {at} there and {justBefore} a tick before");
            else if (ExpiryDay.Of(end, zone) != new ExpiryDay(day, null))
                failures.Add($"{day}: {end:u} reads back as {ExpiryDay.Of(end, zone)}");
        }

        Assert.That(failures, Is.Empty);
    }
}
