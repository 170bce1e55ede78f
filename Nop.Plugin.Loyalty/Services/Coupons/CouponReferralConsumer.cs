using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Events;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// A registration that followed shared coupon links: the links' tokens go to the engine's referral step, which credits
/// the first sharer. A failure is logged by the engine's observer and never breaks the registration.
/// </summary>
public class CouponReferralConsumer : IConsumer<CustomerRegisteredEvent>
{
    private readonly CouponPipeline _pipeline;
    private readonly CouponLinkCookie _cookie;

    public CouponReferralConsumer(CouponPipeline pipeline, CouponLinkCookie cookie)
    {
        _pipeline = pipeline;
        _cookie = cookie;
    }

    public async Task HandleEventAsync(CustomerRegisteredEvent eventMessage)
    {
        var tokens = _cookie.Read();
        if (tokens.Count == 0)
            return;
        await _pipeline.CreditReferralAsync(eventMessage.Customer.Id, tokens);
        _cookie.Clear();
    }
}
