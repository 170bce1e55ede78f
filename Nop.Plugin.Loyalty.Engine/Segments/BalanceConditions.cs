using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The reward points balance predicate, read the way LedgerQueries.LatestBalances reads balances.</summary>
internal static class BalanceConditions
{
    public static Expression<Func<CustomerRow, bool>> Balance(PointsBalanceCondition condition, IQueryable<LedgerEntryRow> ledger, SegmentContext context)
    {
        var range = condition.Balance;
        if (range.Min > range.Max)
            return Predicates.False;
        if (range.Min is null && range.Max is null)
            return Predicates.True;

        var now = context.NowUnspecified;
        var active = ledger.Where(e => e.PointsBalance != null && e.CreatedOnUtc <= now);
        if (condition.StoreId is { } store)
            active = active.Where(e => e.StoreId == store);

        var latest = active.Where(e => !active.Any(later => later.CustomerId == e.CustomerId
                                                            && (later.CreatedOnUtc > e.CreatedOnUtc
                                                                || (later.CreatedOnUtc == e.CreatedOnUtc && later.Id > e.Id))));
        if (range.Min is { } min)
            latest = latest.Where(e => e.PointsBalance >= min);
        if (range.Max is { } max)
            latest = latest.Where(e => e.PointsBalance <= max);

        Expression<Func<CustomerRow, bool>> hasBalanceInRange = c => latest.Any(e => e.CustomerId == c.Id);
        if (!range.Contains(0))
            return hasBalanceInRange;
        // Without an active entry the balance is zero.
        return Predicates.Or(hasBalanceInRange, c => !active.Any(e => e.CustomerId == c.Id));
    }
}
