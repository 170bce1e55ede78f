using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Events;
using Nop.Services.Logging;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// A registration that followed shared coupon links: the links' tokens go to the engine's referral step, which credits
/// the first sharer. Only a visitor holding the plugin's link cookie costs anything; a failure is logged, never thrown:
/// a registration must not fail because of a referral.
/// </summary>
public class CouponReferralConsumer : IConsumer<CustomerRegisteredEvent>
{
    private readonly IServiceProvider _serviceProvider;
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly ILogger _logger;

    public CouponReferralConsumer(IServiceProvider serviceProvider, IHttpContextAccessor httpContextAccessor, ILogger logger)
    {
        _serviceProvider = serviceProvider;
        _httpContextAccessor = httpContextAccessor;
        _logger = logger;
    }

    public async Task HandleEventAsync(CustomerRegisteredEvent eventMessage)
    {
        var cookie = new CouponLinkCookie(_httpContextAccessor);
        var tokens = cookie.Read();
        // The pipeline is the plugin's registration: absent where the plugin's startup did not run.
        if (tokens.Count == 0 || eventMessage.Customer is not { Id: > 0 } customer
            || _serviceProvider.GetService<CouponPipeline>() is not { } pipeline)
            return;

        try
        {
            await pipeline.CreditReferralAsync(customer.Id, tokens);
            cookie.Clear();
        }
        catch (Exception e)
        {
            await _logger.ErrorAsync($"Loyalty coupons: crediting the referral of customer {customer.Id} failed", e);
        }
    }
}
