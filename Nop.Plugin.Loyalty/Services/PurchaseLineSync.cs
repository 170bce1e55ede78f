using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Services.Configuration;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Keeps the purchase table a copy of nopCommerce's order lines: fills it once in chunks of order ids, then rewrites an
/// order's rows whenever the order or one of its lines changes (PurchaseLineEventConsumer).
/// </summary>
/// <remarks>
/// Both ways delete an order's rows and insert them again from the store, so running either twice changes nothing and
/// a fill interrupted halfway simply repeats its last chunk.
/// </remarks>
public class PurchaseLineSync
{
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<OrderItem> _orderItemRepository;
    private readonly IRepository<PurchaseLine> _purchaseLineRepository;
    private readonly ISettingService _settingService;

    public PurchaseLineSync(IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<PurchaseLine> purchaseLineRepository,
        ISettingService settingService)
    {
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _purchaseLineRepository = purchaseLineRepository;
        _settingService = settingService;
    }

    /// <summary>Rewrites one order's rows from the store (none if the order has no lines any more).</summary>
    public virtual async Task RefreshOrderAsync(int orderId)
    {
        using var transaction = LoyaltyLedger.BeginChunk();
        await _purchaseLineRepository.DeleteAsync(p => p.OrderId == orderId);

        // One by one: an order has a handful of lines, and a bulk copy's identity values could collide with a fill
        // chunk being copied at the same moment.
        foreach (var line in await ReadAsync(orderId - 1, orderId))
            await _purchaseLineRepository.InsertAsync(line, false);

        transaction.Complete();
    }

    /// <summary>
    /// Copies the next chunk of orders (by id) unless the table is already complete, and records how far the fill got.
    /// </summary>
    /// <returns>Whether the table is complete now.</returns>
    public virtual async Task<bool> FillNextRangeAsync(int chunkOrders = LoyaltyDefaults.PurchaseLineFillChunkOrders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkOrders, 1);

        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        if (settings.PurchaseLinesComplete)
            return true;

        // Read before copying: an order placed after this read has its own events, which copy it.
        var lastOrderId = await _orderRepository.Table.MaxAsync(o => (int?)o.Id) ?? 0;
        var after = settings.PurchaseLinesFilledThroughOrderId;
        var through = (int)Math.Min((long)after + chunkOrders, int.MaxValue);

        using (var transaction = LoyaltyLedger.BeginChunk())
        {
            await _purchaseLineRepository.DeleteAsync(p => p.OrderId > after && p.OrderId <= through);
            var lines = await ReadAsync(after, through);
            if (lines.Count > 0)
                await _purchaseLineRepository.InsertAsync(lines, false);
            transaction.Complete();
        }

        settings.PurchaseLinesFilledThroughOrderId = through;
        settings.PurchaseLinesComplete = through >= lastOrderId;
        await _settingService.SaveSettingAsync(settings, s => s.PurchaseLinesFilledThroughOrderId, clearCache: false);
        await _settingService.SaveSettingAsync(settings, s => s.PurchaseLinesComplete);

        return settings.PurchaseLinesComplete;
    }

    /// <summary>The store's purchase rows of the orders with ids in (after, through], as entities to insert.</summary>
    private async Task<List<PurchaseLine>> ReadAsync(int after, int through)
    {
        var orders = StoreSourcesFactory.ProjectOrders(_orderRepository.Table.Where(o => o.Id > after && o.Id <= through));
        var items = StoreSourcesFactory.ProjectOrderItems(_orderItemRepository.Table.Where(i => i.OrderId > after && i.OrderId <= through));
        var rows = await PurchaseLines.Of(orders, items).ToListAsync();

        return rows.Select(r => new PurchaseLine
        {
            OrderItemId = r.OrderItemId,
            OrderId = r.OrderId,
            CustomerId = r.CustomerId,
            StoreId = r.StoreId,
            ProductId = r.ProductId,
            OrderStatusId = r.OrderStatusId,
            Deleted = r.Deleted,
            CreatedOnUtc = r.CreatedOnUtc,
            PriceInclTax = r.PriceInclTax
        }).ToList();
    }
}
