namespace Nop.Plugin.Loyalty.Engine.Coupons;

public sealed partial class CouponPipeline
{
    /// <summary>Copies an order tries in turn when it loses the race for one (another order took its last use meanwhile).</summary>
    private const int OrderCandidates = 20;

    /// <summary>Whether the customer holds a copy an order with this discount could use now (the discount requirement).</summary>
    public async Task<bool> HoldsUsableAsync(int customerId, int discountId) =>
        (await _data.ToListAsync(UsableForDiscount(customerId, discountId, Now()).Select(c => c.Id).Take(1))).Count > 0;

    /// <summary>
    /// An order placed with a coupon's linked discount uses one use of the customer's usable copy with the earliest end.
    /// The use is one conditional UPDATE (UsesLeft - 1 where a use is left and the copy is valid), checked by the rows it
    /// changed: a copy whose last use another order took is skipped for the next. Called twice for one order, it returns
    /// the use already made. Throws <see cref="CouponResourceKeys.NoUsableCopy"/> when no copy is left to use.
    /// </summary>
    public async Task<UseRow> RedeemForOrderAsync(int customerId, int discountId, int orderId)
    {
        var made = await _data.ToListAsync(
            from use in _data.Uses
            where use.OrderId == orderId && use.CustomerId == customerId && use.ReturnedOnUtc == null
            join coupon in _data.Coupons on use.CouponId equals coupon.Id
            where coupon.DiscountId == discountId
            select use);
        if (made.Count > 0)
            return made[0];

        var candidates = await _data.ToListAsync(UsableForDiscount(customerId, discountId, Now()).Take(OrderCandidates));
        foreach (var copy in candidates)
        {
            if (await TryUseAsync(copy, UseKind.Online, orderId, null) is { } use)
                return use;
        }

        throw Refused(CouponResourceKeys.NoUsableCopy, discountId);
    }

    /// <summary>Staff at the counter use one use of a copy; the use records them as its place.</summary>
    public async Task<UseRow> RedeemInStoreAsync(int copyId, UsePlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var (coupon, copy) = await FindCopyAsync(copyId);
        return await RedeemAsync(coupon, copy, UseKind.InStore, place);
    }

    /// <summary>The holder presses Use on their own copy; no place is recorded.</summary>
    public async Task<UseRow> UseOwnCopyAsync(int copyId, int customerId)
    {
        var (coupon, copy) = await FindCopyAsync(copyId);
        if (copy.CustomerId != customerId)
            throw Refused(CouponResourceKeys.CopyNotYours, copyId);
        return await RedeemAsync(coupon, copy, UseKind.ByCustomer, null);
    }

    /// <summary>
    /// What a scanned QR link names: its coupon and copy, for staff to see before they press Use. A tampered token or one
    /// signed with another key is refused as invalid; a well-signed token of a copy that no longer exists as unknown.
    /// </summary>
    public async Task<(CouponRow Coupon, CopyRow Copy)> ReadQrAsync(string token, byte[] key)
    {
        var (copyId, customerId) = CouponQr.Verify(token, key);
        var (coupon, copy) = await FindCopyAsync(copyId, CouponResourceKeys.QrUnknown);
        if (copy.CustomerId != customerId)
            throw Refused(CouponResourceKeys.QrUnknown, copyId);
        return (coupon, copy);
    }

    /// <summary>Why the copy could not be used now (<see cref="SharingRules.RefuseUse"/>), or null: shown before staff press Use.</summary>
    public string? RefuseUseNow(CouponRow coupon, CopyRow copy) => SharingRules.RefuseUse(coupon, copy, Now());

    /// <summary>Staff use the copy a scanned QR link names (see <see cref="ReadQrAsync"/>); they are recorded as its place.</summary>
    public async Task<UseRow> RedeemByQrAsync(string token, byte[] key, UsePlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var (coupon, copy) = await ReadQrAsync(token, key);
        return await RedeemAsync(coupon, copy, UseKind.InStore, place);
    }

    /// <summary>
    /// An order was cancelled: each use it made goes back to its copy, if the copy is still valid now, so the customer can
    /// use it again; the use stays in the history, marked returned. A copy that has expired since keeps the use as made:
    /// a use given back to it could never be spent, and the history should show what the order consumed. Safe to call
    /// twice (a use is returned once). Returns how many uses went back.
    /// </summary>
    public async Task<int> OrderCancelledAsync(int orderId)
    {
        var uses = await _data.ToListAsync(_data.Uses.Where(u => u.OrderId == orderId && u.ReturnedOnUtc == null));
        var returned = 0;
        foreach (var use in uses)
        {
            using var work = _writer.Begin();
            var now = Now();
            // Marked first: of two cancellations racing, only the one that marks it gives the use back.
            if (!await _writer.TryMarkReturnedAsync(use.Id, now))
                continue;
            // "Last used" is the last use that still counts: the one before this, if this was the last.
            var lastUseBefore = (await _data.ToListAsync(_data.Uses
                .Where(u => u.CopyId == use.CopyId && u.Id != use.Id && u.ReturnedOnUtc == null)
                .OrderByDescending(u => u.UsedOnUtc).Select(u => (DateTime?)u.UsedOnUtc).Take(1))).FirstOrDefault();
            if (!await _writer.TryGiveBackUseAsync(use.CopyId, now, use.UsedOnUtc, lastUseBefore))
                continue; // disposing without Complete undoes the mark
            work.Complete();
            returned++;
        }

        return returned;
    }

    private async Task<UseRow> RedeemAsync(CouponRow coupon, CopyRow copy, UseKind kind, UsePlace? place)
    {
        if (SharingRules.RefuseUse(coupon, copy, Now()) is { } refusal)
            throw Refused(refusal, copy.Id);
        if (await TryUseAsync(copy, kind, null, place) is { } use)
            return use;

        // Lost the race, or the copy ended in between: say which, from the copy as it is now.
        var (_, now) = await FindCopyAsync(copy.Id);
        throw Refused(SharingRules.RefuseUse(coupon, now, Now()) ?? CouponResourceKeys.UsedUp, copy.Id);
    }

    /// <summary>Takes one use and records it, in one unit of work; null when the conditional update changed no row.</summary>
    private async Task<UseRow?> TryUseAsync(CopyRow copy, UseKind kind, int? orderId, UsePlace? place)
    {
        UseRow use;
        using (var work = _writer.Begin())
        {
            var now = Now();
            if (!await _writer.TryTakeUseAsync(copy.Id, now))
                return null;
            use = new UseRow
            {
                CopyId = copy.Id,
                CouponId = copy.CouponId,
                CustomerId = copy.CustomerId,
                UsedOnUtc = now,
                KindId = (int)kind,
                OrderId = orderId,
                PlaceCustomerId = place?.StaffCustomerId,
                PlaceName = place?.StaffName
            };
            use.Id = await _writer.InsertUseAsync(use);
            work.Complete();
        }

        await TellAsync(() => _observer.RedeemedAsync(use), $"telling about use {use.Id}");
        return use;
    }

    /// <summary>A customer's copies an order with the discount could use now, earliest end first.</summary>
    private IQueryable<CopyRow> UsableForDiscount(int customerId, int discountId, DateTime nowUtc)
    {
        var (now, shareOnly, store) = (Column(nowUtc), (int)SharingMode.ShareOnly, (int)CopyOrigin.Store);
        return from copy in _data.Copies
            where copy.CustomerId == customerId && copy.UsesLeft > 0 && copy.ValidFromUtc <= now && copy.ValidUntilUtc > now
            join coupon in _data.Coupons on copy.CouponId equals coupon.Id
            // SharingRules.IsShareOnly in SQL: a share-only coupon's store copy is never used.
            where coupon.DiscountId == discountId && !coupon.Deleted && !(coupon.SharingModeId == shareOnly && copy.OriginId == store)
            orderby copy.ValidUntilUtc, copy.Id
            select copy;
    }
}
