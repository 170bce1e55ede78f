using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains.Coupons;

/// <summary>A referral credited to the first sharer whose link led to a customer's first registration.</summary>
public class CouponReferral : BaseEntity
{
    /// <summary>The newly registered customer; unique (referred once).</summary>
    public int ReferredCustomerId { get; set; }

    public int SharerCustomerId { get; set; }

    public int ShareId { get; set; }

    public DateTime CreditedOnUtc { get; set; }
}
