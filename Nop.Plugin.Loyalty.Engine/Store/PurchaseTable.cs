using Nop.Plugin.Loyalty.Engine.Ports;

namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>What one verify-and-repair pass did.</summary>
/// <param name="Checked">The ranges compared.</param>
/// <param name="Repaired">The ranges whose rows differed from the store's and were copied again.</param>
/// <param name="NextAfter">The order id the next pass starts after (0 once the pass reached the last order: it starts over).</param>
public sealed record PurchaseTablePass(IReadOnlyList<OrderIdRange> Checked, IReadOnlyList<OrderIdRange> Repaired, int NextAfter);

/// <summary>Where a fill is after one range.</summary>
/// <param name="FilledThrough">Every order with an id up to this one has been copied.</param>
/// <param name="Complete">The fill has passed the store's last order (as read before the range was copied).</param>
public sealed record PurchaseTableFill(int FilledThrough, bool Complete);

/// <summary>
/// Fills the purchase table from the store's orders, and checks and repairs it by ranges of order ids: the rows of
/// orders written behind the plugin's back (imports, ERP sync, SQL), which raise no event, are found by comparing each
/// range's <see cref="RangeChecksum"/> with the store's, and only the ranges that differ are copied again.
/// </summary>
/// <remarks>
/// Every step copies from the store (delete the range's rows, insert them again from the store in one statement), so
/// repeating one changes nothing and a fill interrupted halfway repeats its last range. A row an event writes into a
/// range while it is being copied fails one of the two writes on the table's unique (order, line) index; the event's
/// order is then left to the next pass, which finds the range off and copies it again.
/// </remarks>
public sealed class PurchaseTable(IPurchaseLineStore store)
{
    /// <summary>Copies the orders of <paramref name="range"/> (the first fill, a rebuild); returns the rows written.</summary>
    public Task<int> CopyAsync(OrderIdRange range, CancellationToken cancellationToken = default) =>
        store.ReplaceAsync(range, StoreRows(range), cancellationToken);

    /// <summary>
    /// Copies the range that follows order id <paramref name="after"/>, the next step of a fill that has copied every
    /// order up to it. The store's last order id is read first: an order placed later is copied by its own events.
    /// </summary>
    public async Task<PurchaseTableFill> FillNextAsync(int after, int rangeOrders, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(rangeOrders, 1);

        var last = await LastOrderIdAsync(cancellationToken);
        var range = OrderIdRange.Following(after, rangeOrders);
        await CopyAsync(range, cancellationToken);
        return new PurchaseTableFill(range.Through, range.Through >= last);
    }

    /// <summary>The highest order id in the store (0 without orders): where a fill ends.</summary>
    public async Task<int> LastOrderIdAsync(CancellationToken cancellationToken = default) =>
        (await store.ToListAsync(store.Orders.OrderByDescending(o => o.Id).Select(o => o.Id).Take(1), cancellationToken))
        .FirstOrDefault();

    /// <summary>Whether the table's rows of <paramref name="range"/> match the store's.</summary>
    public async Task<bool> MatchesAsync(OrderIdRange range, CancellationToken cancellationToken = default) =>
        await ChecksumAsync(StoreRows(range), cancellationToken) == await ChecksumAsync(TableRows(range), cancellationToken);

    /// <summary>
    /// Checks up to <paramref name="ranges"/> ranges of <paramref name="rangeOrders"/> order ids after order id
    /// <paramref name="after"/> and copies again those that differ. The pass ends at the highest order id of the store or
    /// of the table (rows of deleted orders above the store's last one are found too).
    /// </summary>
    public async Task<PurchaseTablePass> VerifyAsync(int after, int ranges, int rangeOrders, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(ranges, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rangeOrders, 1);

        var last = Math.Max(await LastOrderIdAsync(cancellationToken),
            (await store.ToListAsync(store.PurchaseLines.OrderByDescending(p => p.OrderId).Select(p => p.OrderId).Take(1), cancellationToken))
            .FirstOrDefault());

        var checkedRanges = new List<OrderIdRange>();
        var repaired = new List<OrderIdRange>();
        while (checkedRanges.Count < ranges && after < last)
        {
            var range = OrderIdRange.Following(after, rangeOrders);
            checkedRanges.Add(range);
            if (!await MatchesAsync(range, cancellationToken))
            {
                await CopyAsync(range, cancellationToken);
                repaired.Add(range);
            }
            after = range.Through;
        }

        return new PurchaseTablePass(checkedRanges, repaired, after >= last ? 0 : after);
    }

    private IQueryable<PurchaseLineRow> StoreRows(OrderIdRange range)
    {
        var (from, through) = (range.After, range.Through);
        return PurchaseLines.Of(store.Orders.Where(o => o.Id > from && o.Id <= through),
            store.OrderItems.Where(i => i.OrderId > from && i.OrderId <= through));
    }

    private IQueryable<PurchaseLineRow> TableRows(OrderIdRange range)
    {
        var (from, through) = (range.After, range.Through);
        return store.PurchaseLines.Where(p => p.OrderId > from && p.OrderId <= through);
    }

    private async Task<RangeChecksum> ChecksumAsync(IQueryable<PurchaseLineRow> rows, CancellationToken cancellationToken) =>
        (await store.ToListAsync(RangeChecksum.Of(rows), cancellationToken)).SingleOrDefault() ?? RangeChecksum.Empty;
}
