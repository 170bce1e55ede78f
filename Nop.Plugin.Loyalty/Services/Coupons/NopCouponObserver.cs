using Nop.Core.Events;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Events;
using Nop.Services.Logging;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Tells nopCommerce what a committed coupon step did: events for other plugins, errors to the log.</summary>
public class NopCouponObserver : ICouponObserver
{
    private readonly IEventPublisher _eventPublisher;
    private readonly ILogger _logger;

    public NopCouponObserver(IEventPublisher eventPublisher, ILogger logger)
    {
        _eventPublisher = eventPublisher;
        _logger = logger;
    }

    public virtual Task IssuedAsync(DistributionRow distribution, IReadOnlyList<int> customerIds) =>
        _eventPublisher.PublishAsync(new CouponIssuedEvent(distribution, customerIds));

    public virtual Task SharedAsync(ShareRow share, CopyRow recipientCopy) =>
        _eventPublisher.PublishAsync(new CouponSharedEvent(share, recipientCopy));

    public virtual Task ClaimedAsync(ShareRow share, CopyRow copy) =>
        _eventPublisher.PublishAsync(new CouponClaimedEvent(share, copy));

    public virtual Task RedeemedAsync(UseRow use) =>
        _eventPublisher.PublishAsync(new CouponRedeemedEvent(use));

    public virtual Task ReferralCreditedAsync(ReferralRow referral) =>
        _eventPublisher.PublishAsync(new CouponReferralCreditedEvent(referral));

    public virtual Task ErrorAsync(string message, Exception exception) => _logger.ErrorAsync(message, exception);
}
