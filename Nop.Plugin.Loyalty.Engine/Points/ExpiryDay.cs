namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>An expiry as people state it: a day in a time zone, and a time on that day when one is set.</summary>
/// <param name="Day">The last day the points can be used.</param>
/// <param name="Time">When on <paramref name="Day"/> they stop being usable; null for the end of the day.</param>
public readonly record struct ExpiryDay(DateOnly Day, TimeOnly? Time)
{
    /// <summary>Whether the points last the whole of <see cref="Day"/>.</summary>
    public bool IsEndOfDay => Time is null;

    /// <summary>
    /// The instant the points stop being usable: the first instant of the next day in <paramref name="zone"/> (the end
    /// of the day), or the first instant the zone's clocks show the time on the day.
    /// </summary>
    public DateTime ToUtc(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = Time is { } time ? Day.ToDateTime(time) : Day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return FirstInstantShowing(local, zone);
    }

    /// <summary>
    /// How an expiry instant reads in <paramref name="zone"/>: the first instant of a local day is the end of the day
    /// before; any other instant is its day and time.
    /// </summary>
    public static ExpiryDay Of(DateTime expiresOnUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var utc = DateTime.SpecifyKind(expiresOnUtc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var day = DateOnly.FromDateTime(local);
        return FirstInstantShowing(day.ToDateTime(TimeOnly.MinValue), zone) == utc
            ? new ExpiryDay(day.AddDays(-1), null)
            : new ExpiryDay(day, TimeOnly.FromDateTime(local));
    }

    /// <summary>
    /// The first instant at which the clocks of <paramref name="zone"/> show <paramref name="local"/> or later: a time
    /// the clocks show twice (the hour repeated when daylight saving time ends) is its first occurrence; a time they
    /// skip (the hour lost when it starts, a midnight some zones skip) is the instant they skip to.
    /// </summary>
    public static DateTime FirstInstantShowing(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Clocks change on whole minutes: the first minute they show after the gap is where it ends.
            var next = new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);
            for (var minutes = 0; zone.IsInvalidTime(next); minutes++)
            {
                if (minutes > MaxGapMinutes)
                    throw new ArgumentException($"{local:s} is not a time in {zone.Id}.", nameof(local));
                next = next.AddMinutes(1);
            }

            local = next;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>The longest a zone's clocks have ever skipped: a whole day (Samoa, 30 December 2011).</summary>
    private const int MaxGapMinutes = 2 * 24 * 60;
}
