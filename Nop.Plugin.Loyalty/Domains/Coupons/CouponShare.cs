using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains.Coupons;

/// <summary>One share of a copy: a link (its token) or an email to a registered customer.</summary>
public class CouponShare : BaseEntity
{
    public int CouponId { get; set; }

    /// <summary>The sharer's copy.</summary>
    public int CopyId { get; set; }

    public int SharerCustomerId { get; set; }

    /// <summary>The link's unguessable token (64 lowercase hex digits); unique.</summary>
    public string Token { get; set; }

    /// <summary>The engine's <c>ShareChannel</c>: link or email.</summary>
    public int ChannelId { get; set; }

    /// <summary>An email share's recipient; null for a link.</summary>
    public int? RecipientCustomerId { get; set; }

    public DateTime SharedOnUtc { get; set; }

    /// <summary>The link can be claimed until then (the sharer's copy's end at share time).</summary>
    public DateTime ExpiresOnUtc { get; set; }
}
