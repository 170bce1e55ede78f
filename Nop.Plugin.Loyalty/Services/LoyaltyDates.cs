using System.Globalization;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Services.Helpers;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Who reads a date: each audience has one style, in its own culture and time zone.</summary>
public enum DateAudience
{
    /// <summary>Admin pages and grids: the culture's short date, and short time where there is one.</summary>
    Admin,

    /// <summary>The customer's page and email: the culture's long date, and short time where there is one.</summary>
    Customer
}

/// <summary>
/// The plugin's one way of writing dates and times: the viewer's time zone (nopCommerce's rule: the customer's own
/// when customers may choose one, the store's otherwise) and the working language's culture. An expiry reads as its
/// day when it is the end of that day there, as day, time and UTC offset otherwise.
/// </summary>
public class LoyaltyDates
{
    private readonly IDateTimeHelper _dateTimeHelper;

    public LoyaltyDates(IDateTimeHelper dateTimeHelper)
    {
        _dateTimeHelper = dateTimeHelper;
    }

    /// <summary>The viewer's time zone.</summary>
    public virtual Task<TimeZoneInfo> ViewerZoneAsync() => _dateTimeHelper.GetCurrentTimeZoneAsync();

    /// <summary>The store's time zone, in which expiry days are entered.</summary>
    public virtual TimeZoneInfo StoreZone => _dateTimeHelper.DefaultStoreTimeZone;

    /// <summary>An instant, for the current viewer; empty for none.</summary>
    public async Task<string> InstantAsync(DateTime? utc, DateAudience audience) =>
        utc is { } value ? Instant(value, await ViewerZoneAsync(), CultureInfo.CurrentCulture, audience) : string.Empty;

    /// <summary>The local day of an instant, for the current viewer.</summary>
    public async Task<string> DayAsync(DateTime utc, DateAudience audience) =>
        Day(DateOnly.FromDateTime(ToZone(utc, await ViewerZoneAsync())), CultureInfo.CurrentCulture, audience);

    /// <summary>An expiry, for the current viewer; empty for none.</summary>
    public async Task<string> ExpiryAsync(DateTime? utc, DateAudience audience) =>
        utc is { } value ? Expiry(value, await ViewerZoneAsync(), CultureInfo.CurrentCulture, audience) : string.Empty;

    /// <summary>Names the viewer's time zone, for the note that says in which zone a page's times are.</summary>
    public async Task<string> ViewerZoneNameAsync() => ZoneName(await ViewerZoneAsync());

    /// <summary>
    /// "(UTC-11:00) Pacific/Niue": the standard offset, as nopCommerce's zone lists show it, and the zone's id.
    /// Not <see cref="TimeZoneInfo.DisplayName"/>: .NET caches it in the language of the first request, so an English
    /// page could name the zone in Japanese.
    /// </summary>
    public static string ZoneName(TimeZoneInfo zone)
    {
        var offset = zone.BaseUtcOffset;
        return $"(UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}) {zone.Id}";
    }

    public static string Day(DateOnly day, CultureInfo culture, DateAudience audience) =>
        day.ToString(audience == DateAudience.Admin ? "d" : "D", culture);

    public static string Instant(DateTime utc, TimeZoneInfo zone, CultureInfo culture, DateAudience audience)
    {
        var local = ToZone(utc, zone);
        return $"{Day(DateOnly.FromDateTime(local), culture, audience)} {local.ToString("t", culture)}";
    }

    public static string Expiry(DateTime utc, TimeZoneInfo zone, CultureInfo culture, DateAudience audience)
    {
        var expiry = ExpiryDay.Of(utc, zone);
        var day = Day(expiry.Day, culture, audience);
        return expiry.Time is { } time ? $"{day} {time.ToString("t", culture)} ({Offset(utc, zone)})" : day;
    }

    /// <summary>The zone's offset at that instant, as "UTC+09:00".</summary>
    public static string Offset(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    private static DateTime ToZone(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
