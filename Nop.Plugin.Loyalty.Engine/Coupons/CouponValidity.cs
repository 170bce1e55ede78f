using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>When a copy is valid: a coupon's period, or N days from receipt, each day ending at midnight in the store's zone.</summary>
public static class CouponValidity
{
    /// <summary>A period from the start of <paramref name="from"/> (or from receipt, when null) to the end of <paramref name="to"/>.</summary>
    public static (DateTime? FromUtc, DateTime UntilUtc) Period(DateOnly? from, DateOnly to, TimeZoneInfo storeZone) =>
        (from is { } day ? ExpiryDay.FirstInstantShowing(day.ToDateTime(TimeOnly.MinValue), storeZone) : null,
            new ExpiryDay(to, null).ToUtc(storeZone));

    /// <summary>
    /// The validity of a copy received at <paramref name="receivedUtc"/>: a period coupon's own; a days coupon's from
    /// receipt through the end of day N in the store's zone (received 1 April with 10 days: through 10 April).
    /// </summary>
    public static (DateTime FromUtc, DateTime UntilUtc) OfCopy(CouponRow coupon, DateTime receivedUtc, TimeZoneInfo storeZone)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        if (coupon.ValidDays is { } days)
        {
            var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc), storeZone));
            return (receivedUtc, new ExpiryDay(received.AddDays(days - 1), null).ToUtc(storeZone));
        }

        var until = coupon.ValidUntilUtc ?? throw new InvalidOperationException($"Coupon {coupon.Id} has neither a period nor a number of days.");
        return (coupon.ValidFromUtc ?? receivedUtc, until);
    }

    /// <summary>Whether the coupon's period is over, so that no new copy of it could ever be used.</summary>
    public static bool HasEnded(CouponRow coupon, DateTime nowUtc) =>
        coupon.ValidDays is null && coupon.ValidUntilUtc is { } until && until <= nowUtc;
}
