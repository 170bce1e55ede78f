using Nop.Core.Domain.Messages;
using Nop.Services.Events;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Lists the plugin's message tokens on the admin message template page.</summary>
public class LoyaltyTokensEventConsumer : IConsumer<AdditionalTokensAddedEvent>
{
    public Task HandleEventAsync(AdditionalTokensAddedEvent eventMessage)
    {
        eventMessage.AddTokens($"%{LoyaltyDefaults.CampaignToken}%", $"%{LoyaltyDefaults.PointsToken}%",
            $"%{LoyaltyDefaults.ExpiresOnToken}%", $"%{LoyaltyDefaults.BalanceToken}%",
            $"%{LoyaltyDefaults.CouponTitleToken}%", $"%{LoyaltyDefaults.CouponBenefitToken}%", $"%{LoyaltyDefaults.CouponValidUntilToken}%",
            $"%{LoyaltyDefaults.CouponUsesToken}%");
        return Task.CompletedTask;
    }
}
