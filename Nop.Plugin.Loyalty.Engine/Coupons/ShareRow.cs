namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>One share of a copy (a link or an email), projected from LoyaltyCouponShare.</summary>
public sealed class ShareRow
{
    public int Id { get; set; }
    public int CouponId { get; set; }

    /// <summary>The sharer's copy.</summary>
    public int CopyId { get; set; }

    public int SharerCustomerId { get; set; }

    /// <summary>The link's unguessable token (64 lowercase hex digits).</summary>
    public string Token { get; set; } = "";

    /// <summary>A <see cref="ShareChannel"/>.</summary>
    public int ChannelId { get; set; }

    /// <summary>The customer an email share went to; null for a link.</summary>
    public int? RecipientCustomerId { get; set; }

    public DateTime SharedOnUtc { get; set; }

    /// <summary>When the link stops being claimable: the end of the sharer's copy at share time.</summary>
    public DateTime ExpiresOnUtc { get; set; }

    public ShareChannel Channel => (ShareChannel)ChannelId;
}
