using Nop.Plugin.Loyalty.Engine.Coupons;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>
/// The share and use rules over every combination of mode, origin, flag, uses left, expiry and owner, against the
/// issue's sentences written out again as a plain truth table.
/// </summary>
public class SharingRulesTests
{
    private static readonly DateTime Now = new(2027, 4, 5, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var mode in Enum.GetValues<SharingMode>())
        foreach (var origin in Enum.GetValues<CopyOrigin>())
        foreach (var usedUpShareable in new[] { false, true })
        foreach (var usesLeft in new[] { 0, 1, 7 })
        foreach (var expired in new[] { false, true })
        foreach (var own in new[] { true, false })
            yield return new TestCaseData(mode, origin, usedUpShareable, usesLeft, expired, own);
    }

    [TestCaseSource(nameof(Cases))]
    public void Share_and_use_follow_the_issue(SharingMode mode, CopyOrigin origin, bool usedUpShareable, int usesLeft, bool expired, bool own)
    {
        var coupon = new CouponRow { Id = 1, SharingModeId = (int)mode, UsedUpShareable = usedUpShareable, Uses = 10 };
        var copy = new CopyRow
        {
            Id = 2, CouponId = 1, CustomerId = 7, OriginId = (int)origin, UsesTotal = 10, UsesLeft = usesLeft,
            ValidFromUtc = Now.AddDays(-3), ValidUntilUtc = expired ? Now : Now.AddSeconds(1)
        };

        // "Only a coupon received from the store can be shared; a copy received by sharing cannot be shared again."
        // "Not shareable: no share button." "A used-up coupon can still be shared (until it expires)" when the flag is on.
        var mayShare = own && mode != SharingMode.NotShareable && origin == CopyOrigin.Store && !expired && (usesLeft > 0 || usedUpShareable);
        // "Share-only: the holder cannot use it, only share it" — the friends who receive it can use theirs.
        var mayUse = !(mode == SharingMode.ShareOnly && origin == CopyOrigin.Store) && !expired && usesLeft > 0;

        Assert.That(SharingRules.RefuseShare(coupon, copy, own ? 7 : 8, Now) == null, Is.EqualTo(mayShare), "share");
        Assert.That(SharingRules.RefuseUse(coupon, copy, Now) == null, Is.EqualTo(mayUse), "use");
    }

    [Test]
    public void Refusals_say_why()
    {
        var coupon = new CouponRow { Id = 1, SharingModeId = (int)SharingMode.Shareable, Uses = 1 };
        CopyRow Copy(CopyOrigin origin = CopyOrigin.Store, int usesLeft = 1, bool expired = false) => new()
        {
            Id = 2, CouponId = 1, CustomerId = 7, OriginId = (int)origin, UsesTotal = 1, UsesLeft = usesLeft,
            ValidFromUtc = Now.AddDays(-1), ValidUntilUtc = expired ? Now.AddDays(-1) : Now.AddDays(1)
        };

        Assert.That(SharingRules.RefuseShare(coupon, Copy(), 8, Now), Is.EqualTo(CouponResourceKeys.CopyNotYours));
        Assert.That(SharingRules.RefuseShare(coupon, Copy(CopyOrigin.Share), 7, Now), Is.EqualTo(CouponResourceKeys.ReceivedBySharing));
        Assert.That(SharingRules.RefuseShare(coupon, Copy(usesLeft: 0), 7, Now), Is.EqualTo(CouponResourceKeys.UsedUpNotShareable));
        Assert.That(SharingRules.RefuseShare(coupon, Copy(expired: true), 7, Now), Is.EqualTo(CouponResourceKeys.CopyExpired));
        Assert.That(SharingRules.RefuseShare(new CouponRow { SharingModeId = 0 }, Copy(), 7, Now), Is.EqualTo(CouponResourceKeys.NotShareable));
        Assert.That(SharingRules.RefuseUse(coupon, Copy(usesLeft: 0), Now), Is.EqualTo(CouponResourceKeys.UsedUp));
        Assert.That(SharingRules.RefuseUse(new CouponRow { SharingModeId = 2 }, Copy(), Now), Is.EqualTo(CouponResourceKeys.ShareOnlyCannotUse));
        var early = Copy();
        early.ValidFromUtc = Now.AddHours(1);
        Assert.That(SharingRules.RefuseUse(coupon, early, Now), Is.EqualTo(CouponResourceKeys.CopyNotYetValid));
    }
}
