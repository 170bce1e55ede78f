using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// The "coupon issued" email, queued per chunk once the chunk's copies are committed (the engine's observer publishes
/// the event after the commit), when the distribution asks for it.
/// </summary>
public class CouponIssuedEmailConsumer : IConsumer<CouponIssuedEvent>
{
    private readonly IRepository<Coupon> _couponRepository;
    private readonly IRepository<CouponCopy> _copyRepository;
    private readonly LoyaltyMessageService _messageService;

    public CouponIssuedEmailConsumer(IRepository<Coupon> couponRepository,
        IRepository<CouponCopy> copyRepository,
        LoyaltyMessageService messageService)
    {
        _couponRepository = couponRepository;
        _copyRepository = copyRepository;
        _messageService = messageService;
    }

    public async Task HandleEventAsync(CouponIssuedEvent eventMessage)
    {
        var distribution = eventMessage.Distribution;
        if (!distribution.NotifyCustomers || eventMessage.CustomerIds.Count == 0)
            return;
        var coupon = await _couponRepository.GetByIdAsync(distribution.CouponId);
        if (coupon == null)
            return;

        // Each customer's own copy from this distribution: a days coupon ends on a different day for each receipt.
        var (source, store, ids) = (distribution.Id, (int)CopyOrigin.Store, eventMessage.CustomerIds.ToArray());
        var copies = await _copyRepository.Table
            .Where(c => c.OriginId == store && c.SourceId == source && ids.Contains(c.CustomerId))
            .Select(c => new { c.CustomerId, c.ValidUntilUtc })
            .ToListAsync();
        var validUntil = copies.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.Max(c => c.ValidUntilUtc));

        await _messageService.QueueCouponIssuedNotificationsAsync(coupon, distribution.StoreId, distribution.NewsletterOnly, validUntil);
    }
}
