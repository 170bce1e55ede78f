namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>A copy as its wallet tab shows it.</summary>
public enum CopyStatus
{
    /// <summary>Not expired and uses left (including a copy whose validity has not begun yet).</summary>
    Valid = 1,

    /// <summary>No use left, whether or not it has expired since.</summary>
    Used = 2,

    /// <summary>Uses left but past its validity.</summary>
    Expired = 3
}

/// <summary>The wallet's rule for a copy's status, in memory; <see cref="CouponQueries.InTab"/> is the same rule in SQL.</summary>
public static class CopyStatuses
{
    public static CopyStatus Of(CopyRow copy, DateTime nowUtc) =>
        copy.UsesLeft <= 0 ? CopyStatus.Used
        : copy.ValidUntilUtc <= nowUtc ? CopyStatus.Expired
        : CopyStatus.Valid;
}
