using Nop.Plugin.Loyalty.Engine.Coupons;

namespace Nop.Plugin.Loyalty.Events;

// Published through nopCommerce's IEventPublisher once the coupon step's writes are committed; consume them with
// IConsumer<TEvent>. A distribution publishes one event per chunk of up to a few thousand customers.

/// <summary>A chunk of a distribution issued copies of a coupon.</summary>
/// <param name="Distribution">The distribution, as it was when the chunk started.</param>
/// <param name="CustomerIds">The customers who received a copy in this chunk.</param>
public sealed record CouponIssuedEvent(DistributionRow Distribution, IReadOnlyList<int> CustomerIds)
{
    public int CouponId => Distribution.CouponId;
}

/// <summary>A customer shared a copy, by link or to a registered customer's email.</summary>
/// <param name="Share">The share (its token is the link's secret: do not log it).</param>
/// <param name="RecipientCopy">The recipient's new copy for an email share; null for a link, until it is claimed.</param>
public sealed record CouponSharedEvent(ShareRow Share, CopyRow RecipientCopy);

/// <summary>A customer claimed a shared link and received their own copy.</summary>
public sealed record CouponClaimedEvent(ShareRow Share, CopyRow Copy);

/// <summary>One use of a copy was taken: online with an order, in store (with its place) or by the customer.</summary>
public sealed record CouponRedeemedEvent(UseRow Use);

/// <summary>A sharer was credited with a referral: their link led to the customer's first registration.</summary>
public sealed record CouponReferralCreditedEvent(ReferralRow Referral);
