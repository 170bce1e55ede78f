namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>A referral credited to a sharer, projected from LoyaltyCouponReferral: at most one per referred customer.</summary>
public sealed class ReferralRow
{
    public int Id { get; set; }

    /// <summary>The customer whose first registration the link led to; unique.</summary>
    public int ReferredCustomerId { get; set; }

    public int SharerCustomerId { get; set; }
    public int ShareId { get; set; }
    public DateTime CreditedOnUtc { get; set; }
}
