using Nop.Plugin.Loyalty.Models;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Customer;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Adds "My coupons" to the customer account navigation, after nopCommerce's reward points entry.</summary>
public class CouponNavigationConsumer : IConsumer<ModelPreparedEvent<BaseNopModel>>
{
    private readonly ILocalizationService _localizationService;

    public CouponNavigationConsumer(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    public async Task HandleEventAsync(ModelPreparedEvent<BaseNopModel> eventMessage)
    {
        if (eventMessage.Model is not CustomerNavigationModel navigation
            || navigation.CustomerNavigationItems.Any(i => i.Tab == LoyaltyUiDefaults.CouponsNavigationTab))
            return;

        var item = new CustomerNavigationItemModel
        {
            RouteName = LoyaltyUiDefaults.WalletRouteName,
            Title = await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Wallet.Navigation"),
            Tab = LoyaltyUiDefaults.CouponsNavigationTab,
            ItemClass = "loyalty-coupons"
        };
        var points = navigation.CustomerNavigationItems.ToList().FindIndex(i => i.Tab == (int)CustomerNavigationEnum.RewardPoints);
        if (points >= 0)
            navigation.CustomerNavigationItems.Insert(points + 1, item);
        else
            navigation.CustomerNavigationItems.Add(item);
    }
}
