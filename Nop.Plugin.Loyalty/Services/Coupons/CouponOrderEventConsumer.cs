using Nop.Core.Domain.Orders;
using Nop.Plugin.Loyalty.Engine;
using Nop.Services.Discounts;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// Online redemption: an order placed with a coupon's linked discount uses one use of the customer's copy with the
/// earliest end (CouponPipeline.RedeemForOrderAsync, one conditional UPDATE). A cancelled order gives its uses back as
/// the engine's rule says (CouponPipeline.OrderCancelledAsync: to copies still valid; an expired copy keeps the use).
/// A failure is logged, never thrown: placing or cancelling an order must not fail because of a coupon.
/// </summary>
public class CouponOrderEventConsumer : IConsumer<OrderPlacedEvent>, IConsumer<OrderStatusChangedEvent>
{
    private readonly IDiscountService _discountService;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly IPluginService _pluginService;
    private readonly IServiceProvider _serviceProvider;

    public CouponOrderEventConsumer(IDiscountService discountService,
        ILocalizationService localizationService,
        ILogger logger,
        IOrderService orderService,
        IPluginService pluginService,
        IServiceProvider serviceProvider)
    {
        _discountService = discountService;
        _localizationService = localizationService;
        _logger = logger;
        _orderService = orderService;
        _pluginService = pluginService;
        _serviceProvider = serviceProvider;
    }

    public async Task HandleEventAsync(OrderPlacedEvent eventMessage)
    {
        var order = eventMessage.Order;
        if (order is not { Id: > 0, CustomerId: > 0 } || !await InstalledAsync())
            return;
        try
        {
            var used = (await _discountService.GetAllDiscountUsageHistoryAsync(orderId: order.Id)).Select(h => h.DiscountId).Distinct().ToList();
            if (used.Count == 0)
                return;
            var linked = await (await CouponServices.GetDefinitionsAsync(_serviceProvider)).LinkedDiscountIdsAsync(used);
            foreach (var discountId in linked)
                await RedeemAsync(order, discountId);
        }
        catch (Exception e)
        {
            await _logger.ErrorAsync($"Loyalty coupons: using the coupon of order {order.Id} failed", e);
        }
    }

    public async Task HandleEventAsync(OrderStatusChangedEvent eventMessage)
    {
        var order = eventMessage.Order;
        if (order.OrderStatus != OrderStatus.Cancelled || eventMessage.PreviousOrderStatus == OrderStatus.Cancelled || !await InstalledAsync())
            return;
        try
        {
            var returned = await (await CouponServices.GetPipelineAsync(_serviceProvider)).OrderCancelledAsync(order.Id);
            if (returned > 0)
                await NoteAsync(order, string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Order.Returned"), returned));
        }
        catch (Exception e)
        {
            await _logger.ErrorAsync($"Loyalty coupons: giving back the coupon uses of cancelled order {order.Id} failed", e);
        }
    }

    private async Task RedeemAsync(Order order, int discountId)
    {
        var pipeline = await CouponServices.GetPipelineAsync(_serviceProvider);
        try
        {
            var use = await pipeline.RedeemForOrderAsync(order.CustomerId, discountId, order.Id);
            await NoteAsync(order, string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Order.Used"), use.CopyId));
        }
        catch (LoyaltyRuleException exception)
        {
            // The discount was applied while the customer held a usable copy, and another order (or the counter) took its
            // last use since: the order keeps its discount, the copy never goes below zero, and staff read why in the notes.
            await NoteAsync(order, await Factories.LocalizedMessages.FormatAsync(_localizationService, exception.ResourceKey, exception.Arguments));
            await _logger.WarningAsync($"Loyalty coupons: order {order.Id} used discount {discountId} but no copy was left to use ({exception.ResourceKey}).");
        }
    }

    private async Task<bool> InstalledAsync() =>
        await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName) is { Installed: true };

    private Task NoteAsync(Order order, string note) => _orderService.InsertOrderNoteAsync(new OrderNote
    {
        OrderId = order.Id,
        Note = note,
        DisplayToCustomer = false,
        CreatedOnUtc = ((_serviceProvider.GetService(typeof(TimeProvider)) as TimeProvider) ?? TimeProvider.System).GetUtcNow().UtcDateTime
    });
}
