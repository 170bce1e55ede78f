using Nop.Core.Domain.Orders;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Discounts;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// Online redemption: an order placed with a coupon's linked discount uses one use of the customer's copy with the
/// earliest end (CouponPipeline.RedeemForOrderAsync, one conditional UPDATE). A cancelled order gives its uses back
/// as the engine's rule says (CouponPipeline.OrderCancelledAsync: to copies still valid; an expired copy keeps the use).
/// </summary>
public class CouponOrderEventConsumer : IConsumer<OrderPlacedEvent>, IConsumer<OrderStatusChangedEvent>
{
    private readonly CouponDefinitionService _coupons;
    private readonly CouponPipeline _pipeline;
    private readonly IDiscountService _discountService;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly TimeProvider _clock;

    public CouponOrderEventConsumer(CouponDefinitionService coupons,
        CouponPipeline pipeline,
        IDiscountService discountService,
        ILocalizationService localizationService,
        ILogger logger,
        IOrderService orderService,
        TimeProvider clock)
    {
        _clock = clock;
        _coupons = coupons;
        _pipeline = pipeline;
        _discountService = discountService;
        _localizationService = localizationService;
        _logger = logger;
        _orderService = orderService;
    }

    public async Task HandleEventAsync(OrderPlacedEvent eventMessage)
    {
        var order = eventMessage.Order;
        var used = (await _discountService.GetAllDiscountUsageHistoryAsync(orderId: order.Id)).Select(h => h.DiscountId).Distinct().ToList();
        foreach (var discountId in await _coupons.LinkedDiscountIdsAsync(used))
        {
            try
            {
                var use = await _pipeline.RedeemForOrderAsync(order.CustomerId, discountId, order.Id);
                await NoteAsync(order, string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Order.Used"), use.CopyId));
            }
            catch (LoyaltyRuleException exception)
            {
                // The discount was applied when the customer still held a usable copy, and another order (or the counter)
                // took its last use since: the order keeps its discount, the copy never goes below zero, and staff are told.
                var message = await Factories.LocalizedMessages.FormatAsync(_localizationService, exception.ResourceKey, exception.Arguments);
                await NoteAsync(order, message);
                await _logger.WarningAsync($"Loyalty coupons: order {order.Id} used discount {discountId} but no copy was left to use ({exception.ResourceKey}).");
            }
        }
    }

    public async Task HandleEventAsync(OrderStatusChangedEvent eventMessage)
    {
        var order = eventMessage.Order;
        if (order.OrderStatus != OrderStatus.Cancelled || eventMessage.PreviousOrderStatus == OrderStatus.Cancelled)
            return;
        var returned = await _pipeline.OrderCancelledAsync(order.Id);
        if (returned > 0)
            await NoteAsync(order, string.Format(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Order.Returned"), returned));
    }

    private Task NoteAsync(Order order, string note) => _orderService.InsertOrderNoteAsync(new OrderNote
    {
        OrderId = order.Id,
        Note = note,
        DisplayToCustomer = false,
        CreatedOnUtc = _clock.GetUtcNow().UtcDateTime
    });
}
