namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>One customer's copy of a coupon in their wallet, projected from LoyaltyCouponCopy.</summary>
public sealed class CopyRow
{
    public int Id { get; set; }
    public int CouponId { get; set; }
    public int CustomerId { get; set; }

    /// <summary>A <see cref="CopyOrigin"/>.</summary>
    public int OriginId { get; set; }

    /// <summary>The distribution (store copies) or the share (shared copies) it came from; unique with origin and customer.</summary>
    public int SourceId { get; set; }

    /// <summary>Who shared it; null for a copy from the store.</summary>
    public int? SharedByCustomerId { get; set; }

    public DateTime ReceivedOnUtc { get; set; }
    public DateTime ValidFromUtc { get; set; }

    /// <summary>The first instant it is no longer valid.</summary>
    public DateTime ValidUntilUtc { get; set; }

    /// <summary>The uses it started with.</summary>
    public int UsesTotal { get; set; }

    public int UsesLeft { get; set; }
    public DateTime? FirstViewedOnUtc { get; set; }
    public DateTime? LastUsedOnUtc { get; set; }

    public CopyOrigin Origin => (CopyOrigin)OriginId;
}
