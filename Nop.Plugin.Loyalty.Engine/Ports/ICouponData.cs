using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>The coupon tables as queryables of engine rows; the store's ORM runs the queries the engine composes.</summary>
public interface ICouponData
{
    IQueryable<CouponRow> Coupons { get; }

    IQueryable<DistributionRow> Distributions { get; }

    IQueryable<CopyRow> Copies { get; }

    IQueryable<ShareRow> Shares { get; }

    IQueryable<UseRow> Uses { get; }

    IQueryable<ReferralRow> Referrals { get; }

    /// <summary>The store's tables that targets and segments compile over (customers for the history's names).</summary>
    Task<StoreSources> GetSourcesAsync();

    /// <summary>Runs a query composed over these tables.</summary>
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>Counts the rows of a query composed over these tables.</summary>
    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);
}
