using Nop.Plugin.Loyalty.Engine.Segments;

namespace Nop.Plugin.Loyalty.Tests.Segments;

public class DateWindowTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Test]
    public void An_absolute_window_runs_from_local_midnight_to_local_midnight_after_the_last_day()
    {
        var context = new SegmentContext(Tokyo, new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc));

        var interval = new DateWindow(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)).Resolve(context);

        Assert.That(interval, Is.EqualTo(new UtcInterval(new DateTime(2026, 10, 31, 15, 0, 0), new DateTime(2026, 11, 30, 15, 0, 0))));
    }

    [Test]
    public void Open_ends_stay_open()
    {
        var context = new SegmentContext(Tokyo, new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc));

        Assert.That(new DateWindow(To: new DateOnly(2026, 1, 1)).Resolve(context), Is.EqualTo(new UtcInterval(null, new DateTime(2026, 1, 1, 15, 0, 0))));
        Assert.That(new DateWindow().Resolve(context), Is.EqualTo(new UtcInterval(null, null)));
    }

    [TestCase("2026-11-23T14:59:59", "2026-11-17", "2026-11-23")]
    [TestCase("2026-11-23T15:00:00", "2026-11-18", "2026-11-24")]
    public void Last_days_count_back_from_the_store_day_including_it(string nowUtc, string first, string last)
    {
        var today = new SegmentContext(Tokyo, DateTime.Parse(nowUtc)).Today;

        var days = new DateWindow(Relative: RelativePeriod.LastDays, Days: 7).ResolveDays(today);

        Assert.That(days, Is.EqualTo((DateOnly.Parse(first), DateOnly.Parse(last))));
    }

    [TestCase(RelativePeriod.ThisMonth, "2028-02-01", "2028-02-29")]
    [TestCase(RelativePeriod.LastMonth, "2028-01-01", "2028-01-31")]
    [TestCase(RelativePeriod.ThisYear, "2028-01-01", "2028-12-31")]
    public void Calendar_periods_cover_whole_months_and_years(RelativePeriod period, string first, string last)
    {
        var days = new DateWindow(Relative: period).ResolveDays(new DateOnly(2028, 2, 10));

        Assert.That(days, Is.EqualTo((DateOnly.Parse(first), DateOnly.Parse(last))));
    }

    [Test]
    public void A_day_whose_midnight_is_skipped_by_daylight_saving_starts_at_the_first_local_time_that_exists()
    {
        // São Paulo moved clocks from 00:00 to 01:00 on 4 November 2018.
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var context = new SegmentContext(saoPaulo, new DateTime(2018, 11, 10, 12, 0, 0, DateTimeKind.Utc));

        Assert.That(context.StartOfDayUtc(new DateOnly(2018, 11, 4)), Is.EqualTo(new DateTime(2018, 11, 4, 3, 0, 0)));
        Assert.That(context.StartOfDayUtc(new DateOnly(2018, 11, 5)), Is.EqualTo(new DateTime(2018, 11, 5, 2, 0, 0)));
    }

    [Test]
    public void Instants_handed_to_the_database_carry_no_kind()
    {
        var context = new SegmentContext(Tokyo, new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc));

        Assert.That(context.StartOfDayUtc(new DateOnly(2026, 11, 23)).Kind, Is.EqualTo(DateTimeKind.Unspecified));
    }
}
