using System.Security.Cryptography;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>
/// Every coupon step as the store runs it: definitions, distribution runs (chunked, set-based, resumable), sharing,
/// claims, referrals, redemption online and in store, the wallet and the history. The plugin, the tests and the
/// benchmark all run this code over the engine's ports.
/// </summary>
public sealed partial class CouponPipeline
{
    private readonly ICouponData _data;
    private readonly ICouponWriter _writer;
    private readonly ICouponObserver _observer;
    private readonly TimeProvider _clock;
    private readonly CouponOptions _options;

    public CouponPipeline(ICouponData data, ICouponWriter writer, ICouponObserver observer, TimeProvider clock, CouponOptions options)
    {
        _data = data;
        _writer = writer;
        _observer = observer;
        _clock = clock;
        _options = options;
    }

    /// <summary>Now, to the millisecond, as every database nopCommerce supports stores it.</summary>
    private DateTime Now()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>Today in the store's time zone.</summary>
    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now(), _options.StoreZone));

    private async Task<CouponRow?> FindCouponAsync(int couponId) =>
        (await _data.ToListAsync(_data.Coupons.Where(c => c.Id == couponId))).FirstOrDefault();

    /// <summary>A copy and its coupon; throws <see cref="CouponResourceKeys.CopyUnknown"/> when there is no such copy.</summary>
    private async Task<(CouponRow Coupon, CopyRow Copy)> FindCopyAsync(int copyId, string unknownKey = CouponResourceKeys.CopyUnknown)
    {
        var found = (await _data.ToListAsync(
                from copy in _data.Copies
                where copy.Id == copyId
                join coupon in _data.Coupons on copy.CouponId equals coupon.Id
                select new { copy, coupon }))
            .FirstOrDefault();
        return found == null ? throw new LoyaltyRuleException(unknownKey, copyId) : (found.coupon, found.copy);
    }

    /// <summary>A fresh copy of <paramref name="coupon"/> for a customer receiving it now: the full uses, its own validity.</summary>
    private CopyRow FreshCopy(CouponRow coupon, int customerId, CopyOrigin origin, int sourceId, int? sharedBy, DateTime nowUtc)
    {
        var (from, until) = CouponValidity.OfCopy(coupon, nowUtc, _options.StoreZone);
        return new CopyRow
        {
            CouponId = coupon.Id,
            CustomerId = customerId,
            OriginId = (int)origin,
            SourceId = sourceId,
            SharedByCustomerId = sharedBy,
            ReceivedOnUtc = nowUtc,
            ValidFromUtc = from,
            ValidUntilUtc = until,
            UsesTotal = coupon.Uses,
            UsesLeft = coupon.Uses
        };
    }

    /// <summary>
    /// 32 random bytes as 64 lowercase hex digits: a link no one can guess, and one that a case-insensitive collation
    /// (MySQL's default) compares exactly.
    /// </summary>
    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static LoyaltyRuleException Refused(string resourceKey, params object[] arguments) => new(resourceKey, arguments);

    /// <summary>Tells the store what a committed write did; a failure is reported, never allowed to undo it.</summary>
    private async Task TellAsync(Func<Task> tell, string what)
    {
        try
        {
            await tell();
        }
        catch (Exception e)
        {
            try
            {
                await _observer.ErrorAsync($"Loyalty coupons: {what} failed", e);
            }
            catch
            {
                // Reporting failed too; the committed write still stands.
            }
        }
    }

    private static DateTime Column(DateTime utc) => ColumnTime.Of(utc);
}
