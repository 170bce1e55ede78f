using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Keeps the purchase table a copy of nopCommerce's order lines: fills it once in chunks of order ids, then follows each
/// change (PurchaseLineEventConsumer): a line's row when that line changes, the order's fields on its rows when the
/// order changes; and checks it range by range for orders written without events (the engine's PurchaseTable).
/// </summary>
/// <remarks>
/// Every way copies from the store (deletes the rows concerned and inserts them again, or sets the order's current
/// values), so running any of them twice changes nothing and a fill interrupted halfway simply repeats its last chunk.
/// </remarks>
public class PurchaseLineSync
{
    private static readonly Func<PurchaseLineRow, PurchaseLine> FromRowInMemory = NopPurchaseLineStore.FromRow.Compile();

    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<OrderItem> _orderItemRepository;
    private readonly IRepository<PurchaseLine> _purchaseLineRepository;
    private readonly ISettingService _settingService;
    private readonly ILogger _logger;
    private readonly PurchaseTable _table;

    public PurchaseLineSync(IRepository<Order> orderRepository,
        IRepository<OrderItem> orderItemRepository,
        IRepository<PurchaseLine> purchaseLineRepository,
        ISettingService settingService,
        ILogger logger)
    {
        _orderRepository = orderRepository;
        _orderItemRepository = orderItemRepository;
        _purchaseLineRepository = purchaseLineRepository;
        _settingService = settingService;
        _logger = logger;
        _table = new PurchaseTable(new NopPurchaseLineStore(orderRepository, orderItemRepository, purchaseLineRepository));
    }

    /// <summary>Rewrites one order's rows from the store (none if the order has no lines any more).</summary>
    public virtual async Task RefreshOrderAsync(int orderId)
    {
        using var transaction = LoyaltyTransaction.Begin();
        await RewriteOrderAsync(orderId);
        transaction.Complete();
    }

    /// <summary>
    /// After the order itself changed (status, deletion flag, customer, store, date): brings its rows' copy of those fields up
    /// to date with one UPDATE, or with no write at all when they already match (most of nopCommerce's order updates,
    /// such as a payment status or a note's order number, touch none of them).
    /// </summary>
    /// <remarks>
    /// Not a rewrite of every line: checkout updates an order several times while placing it, and rewriting its lines
    /// each time cost a row insert per line per update. Should the rows not match the order's lines in number (an event
    /// missed, or an order the first fill has not reached yet), the order is rewritten from the store instead.
    /// </remarks>
    public virtual async Task RefreshOrderFieldsAsync(int orderId)
    {
        var items = _orderItemRepository.Table;
        var order = await _orderRepository.Table.Where(o => o.Id == orderId)
            .Select(o => new { o.CustomerId, o.StoreId, o.OrderStatusId, o.Deleted, o.CreatedOnUtc, Lines = items.Count(i => i.OrderId == o.Id) })
            .FirstOrDefaultAsync();
        var (customerId, storeId, statusId, deleted, createdOnUtc) = order is null
            ? (0, 0, 0, false, DateTime.MinValue)
            : (order.CustomerId, order.StoreId, order.OrderStatusId, order.Deleted, order.CreatedOnUtc);
        var rows = await _purchaseLineRepository.Table.Where(p => p.OrderId == orderId)
            .Select(p => p.CustomerId != customerId || p.StoreId != storeId || p.OrderStatusId != statusId || p.Deleted != deleted || p.CreatedOnUtc != createdOnUtc)
            .ToListAsync();

        if (order is null || rows.Count != order.Lines)
        {
            await RefreshOrderAsync(orderId);
            return;
        }

        if (!rows.Contains(true))
            return;

        var rowsOfOrder = _purchaseLineRepository.Table.Where(p => p.OrderId == orderId);
        var update = LinqToDB.LinqExtensions.Set(rowsOfOrder, p => p.CustomerId, customerId);
        update = LinqToDB.LinqExtensions.Set(update, p => p.StoreId, storeId);
        update = LinqToDB.LinqExtensions.Set(update, p => p.OrderStatusId, statusId);
        update = LinqToDB.LinqExtensions.Set(update, p => p.Deleted, deleted);
        update = LinqToDB.LinqExtensions.Set(update, p => p.CreatedOnUtc, createdOnUtc);
        await LinqToDB.LinqExtensions.UpdateAsync(update);
    }

    /// <summary>
    /// After one order line was inserted, edited or deleted: rewrites that line's row alone (none if the line is gone).
    /// </summary>
    /// <remarks>Checkout inserts an order's lines one by one; rewriting the whole order for each made placing it
    /// quadratic in its number of lines.</remarks>
    public virtual async Task RefreshOrderItemAsync(int orderId, int orderItemId)
    {
        using var transaction = LoyaltyTransaction.Begin();
        await _purchaseLineRepository.DeleteAsync(p => p.OrderId == orderId && p.OrderItemId == orderItemId);
        foreach (var line in await ReadAsync(orderId - 1, orderId, orderItemId))
            await _purchaseLineRepository.InsertAsync(line, false);
        transaction.Complete();
    }

    private async Task RewriteOrderAsync(int orderId)
    {
        await _purchaseLineRepository.DeleteAsync(p => p.OrderId == orderId);

        // One by one: an order has a handful of lines, and a bulk copy's identity values could collide with a fill
        // chunk being copied at the same moment.
        foreach (var line in await ReadAsync(orderId - 1, orderId))
            await _purchaseLineRepository.InsertAsync(line, false);
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

        var fill = await _table.FillNextAsync(settings.PurchaseLinesFilledThroughOrderId, chunkOrders);
        settings.PurchaseLinesFilledThroughOrderId = fill.FilledThrough;
        settings.PurchaseLinesComplete = fill.Complete;
        await _settingService.SaveSettingAsync(settings, s => s.PurchaseLinesFilledThroughOrderId, clearCache: false);
        await _settingService.SaveSettingAsync(settings, s => s.PurchaseLinesComplete);

        return settings.PurchaseLinesComplete;
    }

    /// <summary>
    /// Once the fill is complete: checks the next <paramref name="ranges"/> ranges of order ids against the store, copies
    /// again those that differ (orders imported or changed without nopCommerce's events) and logs them; the next call
    /// carries on where this one stopped, starting over after the last order. Null while the fill is not complete.
    /// </summary>
    public virtual async Task<PurchaseTablePass> VerifyNextRangesAsync(int ranges = LoyaltyDefaults.PurchaseLineVerifyRangesPerRun,
        int rangeOrders = LoyaltyDefaults.PurchaseLineFillChunkOrders)
    {
        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        if (!settings.PurchaseLinesComplete)
            return null;

        var pass = await _table.VerifyAsync(settings.PurchaseLinesVerifiedThroughOrderId, ranges, rangeOrders);
        foreach (var range in pass.Repaired)
            await _logger.InformationAsync($"Loyalty: the purchase table differed from the store's orders {range.After + 1}–{range.Through} (orders written without nopCommerce's events); that range was copied again.");

        settings.PurchaseLinesVerifiedThroughOrderId = pass.NextAfter;
        await _settingService.SaveSettingAsync(settings, s => s.PurchaseLinesVerifiedThroughOrderId);
        return pass;
    }

    /// <summary>
    /// Starts the table over (admin "rebuild"): the fill task copies every order again from the first, and until it is
    /// done purchase conditions read nopCommerce's tables.
    /// </summary>
    public virtual async Task RestartFillAsync()
    {
        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        settings.PurchaseLinesFilledThroughOrderId = 0;
        settings.PurchaseLinesComplete = false;
        settings.PurchaseLinesVerifiedThroughOrderId = 0;
        await _settingService.SaveSettingAsync(settings);
    }

    /// <summary>How far the fill is: the order id it has copied through, and the store's last order id.</summary>
    public virtual async Task<(int FilledThrough, int LastOrderId, bool Complete)> GetFillProgressAsync()
    {
        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        return (settings.PurchaseLinesFilledThroughOrderId, await _table.LastOrderIdAsync(), settings.PurchaseLinesComplete);
    }

    /// <summary>
    /// The store's purchase rows of the orders with ids in (after, through], or of the one line given, as entities to insert.
    /// </summary>
    private async Task<List<PurchaseLine>> ReadAsync(int after, int through, int? orderItemId = null)
    {
        var orders = StoreSourcesFactory.ProjectOrders(_orderRepository.Table.Where(o => o.Id > after && o.Id <= through));
        var itemTable = _orderItemRepository.Table.Where(i => i.OrderId > after && i.OrderId <= through);
        if (orderItemId is { } itemId)
            itemTable = itemTable.Where(i => i.Id == itemId);
        var items = StoreSourcesFactory.ProjectOrderItems(itemTable);
        var rows = await PurchaseLines.Of(orders, items).ToListAsync();

        return rows.Select(FromRowInMemory).ToList();
    }
}
