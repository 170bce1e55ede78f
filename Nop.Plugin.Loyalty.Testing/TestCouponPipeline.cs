using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Testing.Ports;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The engine's coupon pipeline over a linq2db connection: the code the store runs, on a test store.</summary>
public static class TestCouponPipeline
{
    public static CouponPipeline Create(DataConnection db, TimeProvider clock, CouponOptions options, RecordingCouponObserver? observer = null) =>
        new(new LinqCouponData(db), new LinqCouponWriter(db), observer ?? new RecordingCouponObserver(), clock, options);
}
