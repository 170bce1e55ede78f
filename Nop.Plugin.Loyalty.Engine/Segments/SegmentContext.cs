namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>When and where a segment is evaluated: the current instant and the store's time zone.</summary>
public sealed record SegmentContext
{
    public SegmentContext(TimeZoneInfo timeZone, DateTime nowUtc)
    {
        TimeZone = timeZone;
        NowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
    }

    /// <summary>A context at the clock's current instant.</summary>
    public static SegmentContext At(TimeProvider clock, TimeZoneInfo timeZone) => new(timeZone, clock.GetUtcNow().UtcDateTime);

    public TimeZoneInfo TimeZone { get; }

    public DateTime NowUtc { get; }

    // Unspecified kind for the same reason as StartOfDayUtc.
    internal DateTime NowUnspecified => DateTime.SpecifyKind(NowUtc, DateTimeKind.Unspecified);

    /// <summary>The store's current calendar day.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(NowUtc, TimeZone));

    /// <summary>The UTC instant of the store's local midnight starting <paramref name="day"/>.</summary>
    /// <remarks>
    /// Where a daylight saving jump skips midnight, the day starts at the first local time that exists.
    /// The result has Unspecified kind because nopCommerce keeps UTC in columns without a zone,
    /// and a Utc-kind parameter would make Npgsql compare against timestamptz.
    /// </remarks>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var probe = local;
        while (TimeZone.IsInvalidTime(probe))
            probe = probe.AddMinutes(15);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(probe, TimeZone), DateTimeKind.Unspecified);
    }
}
