using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>What a ledger entry meant for the customer.</summary>
public enum PointsEventKind
{
    /// <summary>Special points of a campaign.</summary>
    Granted,

    /// <summary>Any other points added (an order, registration, an admin).</summary>
    Earned,

    /// <summary>Points redeemed on an order.</summary>
    Spent,

    /// <summary>Points taken out otherwise (a cancelled order, an admin's correction).</summary>
    Deducted,

    /// <summary>What was left of a lot when it expired.</summary>
    Expired,

    /// <summary>What was left of a campaign's points when the store took them back.</summary>
    Revoked
}

/// <summary>One change of a customer's points, as the customer's history shows it.</summary>
/// <param name="EntryId">The ledger entry.</param>
/// <param name="Points">Points added (positive) or taken out (negative).</param>
/// <param name="BalanceAfter">The balance after the entry; null while the points are not usable yet.</param>
/// <param name="OnUtc">When it happened: for an expiry, when the points stopped being usable; for points not usable
/// yet, when they will be.</param>
/// <param name="ExpiresOnUtc">For points added, when they expire (null if never).</param>
/// <param name="GrantName">The campaign of granted, revoked or expired special points.</param>
/// <param name="OrderGuid">The order points were spent on.</param>
public sealed record PointsEvent(int EntryId, PointsEventKind Kind, int Points, int? BalanceAfter, DateTime OnUtc,
    DateTime? ExpiresOnUtc, string? GrantName, Guid? OrderGuid)
{
    /// <summary>Points added that are not usable yet.</summary>
    public bool IsPending => Points > 0 && BalanceAfter is null;
}

/// <summary>One page of a customer's history, latest first.</summary>
public sealed record PointsHistoryPage(IReadOnlyList<PointsEvent> Events, int TotalCount, int PageIndex, int PageSize);

/// <summary>A customer's points history read from the ledger: every entry that moved points, told by what it was.</summary>
public static class PointsHistory
{
    /// <summary>
    /// A page of the customer's entries, latest first (entries that moved no points, such as a campaign revoked before
    /// its points became usable, are left out). An entry is an expiry when the lot expiry record names it; a revoke when
    /// it was written, for the points taken, at the instant one of the customer's campaign points were revoked (revoke
    /// writes both at once and records no entry id); a redemption when it names an order.
    /// </summary>
    /// <param name="storeId">Only entries of this store, when points are kept per store; null for all stores.</param>
    public static async Task<PointsHistoryPage> PageAsync(ILoyaltyData data, int customerId, int? storeId, int pageIndex,
        int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(pageIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        var entries = data.Ledger.Where(e => e.CustomerId == customerId && e.Points != 0);
        if (storeId is { } store)
            entries = entries.Where(e => e.StoreId == store);

        var total = (await data.ToListAsync(entries.GroupBy(e => e.CustomerId).Select(g => g.Count()), cancellationToken))
            .FirstOrDefault();
        var page = await data.ToListAsync(entries
            .OrderByDescending(e => e.CreatedOnUtc).ThenByDescending(e => e.Id)
            .Skip(pageIndex * pageSize).Take(pageSize), cancellationToken);
        if (page.Count == 0)
            return new PointsHistoryPage([], total, pageIndex, pageSize);

        var ids = page.Select(e => e.Id).ToArray();
        var expiries = (await data.ToListAsync(data.LotExpiries
                .Where(x => x.CustomerId == customerId && x.ExpiryEntryId != null && ids.Contains(x.ExpiryEntryId.Value)),
                cancellationToken))
            .ToDictionary(x => x.ExpiryEntryId!.Value, x => x.LotEntryId);
        var expiredLotIds = expiries.Values.Distinct().ToArray();
        var expiredLots = expiredLotIds.Length == 0
            ? new Dictionary<int, LedgerEntryRow>()
            : (await data.ToListAsync(data.Ledger.Where(e => expiredLotIds.Contains(e.Id)), cancellationToken)).ToDictionary(e => e.Id);

        var lotIds = ids.Concat(expiredLotIds).ToArray();
        var (from, to) = (page.Min(e => e.CreatedOnUtc).AddSeconds(-1), page.Max(e => e.CreatedOnUtc).AddSeconds(1));
        var recipients = await data.ToListAsync(data.Recipients.Where(r => r.CustomerId == customerId
            && (lotIds.Contains(r.LedgerEntryId) || (r.RevokedOnUtc != null && r.RevokedOnUtc >= from && r.RevokedOnUtc <= to))),
            cancellationToken);
        var grantIds = recipients.Select(r => r.GrantId).Distinct().ToArray();
        var grantNames = grantIds.Length == 0
            ? new Dictionary<int, string>()
            : (await data.ToListAsync(data.Grants.Where(g => grantIds.Contains(g.Id)).Select(g => new GrantRow { Id = g.Id, Name = g.Name }),
                cancellationToken)).ToDictionary(g => g.Id, g => g.Name);
        var grantOfLot = recipients.ToDictionary(r => r.LedgerEntryId, r => grantNames.GetValueOrDefault(r.GrantId));
        var revokes = recipients.Where(r => r.RevokedOnUtc != null).ToList();

        var events = page.Select(entry =>
        {
            if (entry.Points > 0)
            {
                var special = grantOfLot.TryGetValue(entry.Id, out var name);
                return new PointsEvent(entry.Id, special ? PointsEventKind.Granted : PointsEventKind.Earned, entry.Points,
                    entry.PointsBalance, entry.CreatedOnUtc, entry.EndDateUtc, name, null);
            }

            if (expiries.TryGetValue(entry.Id, out var lotId))
            {
                var lot = expiredLots.GetValueOrDefault(lotId);
                return new PointsEvent(entry.Id, PointsEventKind.Expired, entry.Points, entry.PointsBalance,
                    lot?.EndDateUtc ?? entry.CreatedOnUtc, null, grantOfLot.GetValueOrDefault(lotId), null);
            }

            if (entry.UsedWithOrder is { } order)
                return new PointsEvent(entry.Id, PointsEventKind.Spent, entry.Points, entry.PointsBalance, entry.CreatedOnUtc,
                    null, null, order);

            var revoke = revokes.FirstOrDefault(r => r.RevokedPoints == -entry.Points
                && Math.Abs((r.RevokedOnUtc!.Value - entry.CreatedOnUtc).Ticks) < TimeSpan.TicksPerSecond);
            return revoke != null
                ? new PointsEvent(entry.Id, PointsEventKind.Revoked, entry.Points, entry.PointsBalance, entry.CreatedOnUtc,
                    null, grantOfLot.GetValueOrDefault(revoke.LedgerEntryId), null)
                : new PointsEvent(entry.Id, PointsEventKind.Deducted, entry.Points, entry.PointsBalance, entry.CreatedOnUtc,
                    null, null, null);
        }).ToList();

        return new PointsHistoryPage(events, total, pageIndex, pageSize);
    }
}
