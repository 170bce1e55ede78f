namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>Who may share, use and claim a copy; each rule returns the resource key of the refusal, or null.</summary>
public static class SharingRules
{
    /// <summary>
    /// Whether <paramref name="sharerCustomerId"/> may share <paramref name="copy"/> now: their own copy of a shareable or
    /// share-only coupon, received from the store (a copy received by sharing cannot be shared again), not expired, and
    /// with a use left unless the coupon lets a used-up copy be shared. Shares are otherwise unlimited.
    /// </summary>
    public static string? RefuseShare(CouponRow coupon, CopyRow copy, int sharerCustomerId, DateTime nowUtc)
    {
        if (copy.CustomerId != sharerCustomerId)
            return CouponResourceKeys.CopyNotYours;
        if (coupon.Deleted)
            return CouponResourceKeys.CouponUnknown;
        if (coupon.SharingMode == SharingMode.NotShareable)
            return CouponResourceKeys.NotShareable;
        if (copy.Origin != CopyOrigin.Store)
            return CouponResourceKeys.ReceivedBySharing;
        if (copy.ValidUntilUtc <= nowUtc)
            return CouponResourceKeys.CopyExpired;
        if (copy.UsesLeft <= 0 && !coupon.UsedUpShareable)
            return CouponResourceKeys.UsedUpNotShareable;
        return null;
    }

    /// <summary>
    /// Whether the holder may use the copy now (before the race for the use, which the database decides). A share-only
    /// coupon's copy from the store cannot be used; the copies friends receive from it can.
    /// </summary>
    public static string? RefuseUse(CouponRow coupon, CopyRow copy, DateTime nowUtc)
    {
        if (coupon.Deleted)
            return CouponResourceKeys.CouponUnknown;
        if (IsShareOnly(coupon, copy))
            return CouponResourceKeys.ShareOnlyCannotUse;
        if (copy.ValidUntilUtc <= nowUtc)
            return CouponResourceKeys.CopyExpired;
        if (copy.ValidFromUtc > nowUtc)
            return CouponResourceKeys.CopyNotYetValid;
        if (copy.UsesLeft <= 0)
            return CouponResourceKeys.UsedUp;
        return null;
    }

    /// <summary>Whether the copy is a share-only coupon's copy from the store, which its holder can only share.</summary>
    public static bool IsShareOnly(CouponRow coupon, CopyRow copy) =>
        coupon.SharingMode == SharingMode.ShareOnly && copy.Origin == CopyOrigin.Store;

    /// <summary>
    /// Whether <paramref name="customerId"/> may claim <paramref name="share"/> now: not the sharer, the link not expired,
    /// an email share only by its recipient, the coupon not withdrawn. One claim per link per customer is the unique
    /// index's to decide.
    /// </summary>
    public static string? RefuseClaim(CouponRow coupon, ShareRow share, int customerId, DateTime nowUtc)
    {
        if (share.SharerCustomerId == customerId)
            return CouponResourceKeys.LinkOwn;
        if (share.Channel == ShareChannel.Email && share.RecipientCustomerId != customerId)
            return CouponResourceKeys.LinkForSomeoneElse;
        if (coupon.Deleted)
            return CouponResourceKeys.CouponUnknown;
        if (share.ExpiresOnUtc <= nowUtc || CouponValidity.HasEnded(coupon, nowUtc))
            return CouponResourceKeys.LinkExpired;
        return null;
    }
}
