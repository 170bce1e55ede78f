using System.Text.Json.Serialization;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Relative periods, evaluated against the current day in the store's time zone.</summary>
public enum RelativePeriod
{
    /// <summary>The last <see cref="DateWindow.Days"/> days, today included.</summary>
    LastDays,
    ThisMonth,
    LastMonth,
    ThisYear
}

/// <summary>
/// A window of whole days in the store's time zone: absolute (<see cref="From"/>, <see cref="To"/>, both inclusive,
/// either open) or relative (<see cref="Relative"/>). An empty window means all time.
/// </summary>
public sealed record DateWindow(DateOnly? From = null, DateOnly? To = null, RelativePeriod? Relative = null, int? Days = null)
{
    /// <summary>True when the window restricts nothing.</summary>
    [JsonIgnore]
    public bool IsAllTime => From is null && To is null && Relative is null;

    /// <summary>The first and last day (inclusive, store time zone) the window covers on <paramref name="today"/>.</summary>
    public (DateOnly? First, DateOnly? Last) ResolveDays(DateOnly today)
    {
        switch (Relative)
        {
            case RelativePeriod.LastDays:
                return (today.AddDays(1 - Math.Max(Days ?? 1, 1)), today);
            case RelativePeriod.ThisMonth:
            {
                var first = new DateOnly(today.Year, today.Month, 1);
                return (first, first.AddMonths(1).AddDays(-1));
            }
            case RelativePeriod.LastMonth:
            {
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
                return (first, first.AddMonths(1).AddDays(-1));
            }
            case RelativePeriod.ThisYear:
                return (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
            default:
                return (From, To);
        }
    }

    /// <summary>The window as UTC instants: from local midnight of the first day to local midnight after the last.</summary>
    public UtcInterval Resolve(SegmentContext context)
    {
        var (first, last) = ResolveDays(context.Today);
        return new UtcInterval(
            first is { } f ? context.StartOfDayUtc(f) : null,
            last is { } l && l < DateOnly.MaxValue ? context.StartOfDayUtc(l.AddDays(1)) : null);
    }
}

/// <summary>A half-open interval of UTC instants [FromUtc, ToUtc); a missing bound is open.</summary>
public readonly record struct UtcInterval(DateTime? FromUtc, DateTime? ToUtc);
