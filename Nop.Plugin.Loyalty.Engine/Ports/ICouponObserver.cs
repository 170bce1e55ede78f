using Nop.Plugin.Loyalty.Engine.Coupons;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>
/// What the coupon steps tell the store once their writes are committed: events for other plugins, emails, the log.
/// A failure here never undoes the write: the engine reports it through <see cref="ErrorAsync"/> and goes on.
/// </summary>
public interface ICouponObserver
{
    /// <summary>A chunk of a distribution issued copies to these customers.</summary>
    Task IssuedAsync(DistributionRow distribution, IReadOnlyList<int> customerIds);

    /// <summary>A copy was shared (by link or email; an email share also gave the recipient's copy).</summary>
    Task SharedAsync(ShareRow share, CopyRow? recipientCopy);

    /// <summary>A shared link was claimed: the claimer's new copy.</summary>
    Task ClaimedAsync(ShareRow share, CopyRow copy);

    Task RedeemedAsync(UseRow use);

    Task ReferralCreditedAsync(ReferralRow referral);

    Task ErrorAsync(string message, Exception exception);
}
