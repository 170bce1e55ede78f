using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains.Coupons;

/// <summary>A customer's copy of a coupon in their wallet, with its own validity and uses.</summary>
public class CouponCopy : BaseEntity
{
    public int CouponId { get; set; }

    /// <summary>The holder.</summary>
    public int CustomerId { get; set; }

    /// <summary>The engine's <c>CopyOrigin</c>: from the store (a distribution) or from a share.</summary>
    public int OriginId { get; set; }

    /// <summary>The distribution id or share id; unique with <see cref="OriginId"/> and <see cref="CustomerId"/>.</summary>
    public int SourceId { get; set; }

    /// <summary>The sharer; null for a copy from the store.</summary>
    public int? SharedByCustomerId { get; set; }

    public DateTime ReceivedOnUtc { get; set; }

    public DateTime ValidFromUtc { get; set; }

    /// <summary>The first instant it is no longer valid.</summary>
    public DateTime ValidUntilUtc { get; set; }

    /// <summary>Uses it started with.</summary>
    public int UsesTotal { get; set; }

    /// <summary>Uses left; changed only by conditional UPDATEs, never below zero.</summary>
    public int UsesLeft { get; set; }

    public DateTime? FirstViewedOnUtc { get; set; }

    public DateTime? LastUsedOnUtc { get; set; }
}
