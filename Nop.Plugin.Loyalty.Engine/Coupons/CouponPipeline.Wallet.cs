namespace Nop.Plugin.Loyalty.Engine.Coupons;

public sealed partial class CouponPipeline
{
    public const int MaxWalletPageSize = 100;

    /// <summary>
    /// One page of a customer's wallet tab, by keyset (an index seek on the customer's copies, no OFFSET): valid copies
    /// soonest-ending first; used and expired ones latest-ending first. Withdrawn coupons are left out.
    /// </summary>
    public async Task<WalletPage> WalletAsync(int customerId, CopyStatus tab, WalletCursor? after = null, int pageSize = 20,
        CancellationToken cancellationToken = default)
    {
        var nowUtc = Now();
        var size = Math.Clamp(pageSize, 1, MaxWalletPageSize);
        var copies = CouponQueries.InTab(_data.Copies.Where(c => c.CustomerId == customerId), tab, Column(nowUtc));
        var ascending = tab == CopyStatus.Valid;
        if (after is { } cursor)
        {
            var (until, id) = (Column(cursor.ValidUntilUtc), cursor.CopyId);
            copies = ascending
                ? copies.Where(c => c.ValidUntilUtc > until || (c.ValidUntilUtc == until && c.Id > id))
                : copies.Where(c => c.ValidUntilUtc < until || (c.ValidUntilUtc == until && c.Id < id));
        }

        copies = ascending ? copies.OrderBy(c => c.ValidUntilUtc).ThenBy(c => c.Id) : copies.OrderByDescending(c => c.ValidUntilUtc).ThenByDescending(c => c.Id);
        var items = await _data.ToListAsync(CouponQueries.Items(copies, _data.Coupons).Take(size + 1), cancellationToken);
        var more = items.Count > size;
        if (more)
            items.RemoveAt(size);
        foreach (var item in items)
            Complete(item, nowUtc);
        return new WalletPage(items, more ? new WalletCursor(items[^1].ValidUntilUtc, items[^1].CopyId) : null);
    }

    /// <summary>One copy of the customer's, for its detail page; null when it is not theirs or its coupon was withdrawn.</summary>
    public async Task<WalletItem?> FindWalletItemAsync(int copyId, int customerId)
    {
        var item = (await _data.ToListAsync(CouponQueries.Items(_data.Copies.Where(c => c.Id == copyId && c.CustomerId == customerId), _data.Coupons)))
            .FirstOrDefault();
        if (item != null)
            Complete(item, Now());
        return item;
    }

    /// <summary>Records that the holder has opened their copy, the first time only.</summary>
    public Task MarkViewedAsync(int copyId, int customerId) => _writer.MarkViewedAsync(copyId, customerId, Now());

    /// <summary>Fills in what the rules decide: the status, and whether Use and Share apply now.</summary>
    private static void Complete(WalletItem item, DateTime nowUtc)
    {
        var coupon = new CouponRow { Id = item.CouponId, SharingModeId = item.SharingModeId, UsedUpShareable = item.UsedUpShareable };
        var copy = new CopyRow
        {
            Id = item.CopyId,
            CouponId = item.CouponId,
            OriginId = item.OriginId,
            ValidFromUtc = item.ValidFromUtc,
            ValidUntilUtc = item.ValidUntilUtc,
            UsesTotal = item.UsesTotal,
            UsesLeft = item.UsesLeft
        };
        item.Status = CopyStatuses.Of(copy, nowUtc);
        item.CanUse = SharingRules.RefuseUse(coupon, copy, nowUtc) == null;
        item.CanShare = SharingRules.RefuseShare(coupon, copy, copy.CustomerId, nowUtc) == null;
    }
}
