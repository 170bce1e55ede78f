namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>One page of an admin grid and the count of all its rows (DataTables paged server-side).</summary>
public sealed record GridPage<T>(IReadOnlyList<T> Rows, int Total);

public sealed partial class CouponPipeline
{
    /// <summary>A page of the history per recipient, newest copy first.</summary>
    public async Task<GridPage<RecipientLine>> RecipientsAsync(RecipientFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var lines = CouponQueries.Recipients(_data, await _data.GetSourcesAsync(), filter);
        var total = await _data.CountAsync(lines, cancellationToken);
        var rows = await _data.ToListAsync(lines.OrderByDescending(l => l.CopyId).Skip(Math.Max(0, skip)).Take(Math.Max(1, take)), cancellationToken);
        return new GridPage<RecipientLine>(rows, total);
    }

    /// <summary>A page of the history per use, newest first; filter by place with <see cref="UseFilter.PlaceCustomerId"/>.</summary>
    public async Task<GridPage<UseLine>> UsesAsync(UseFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var lines = CouponQueries.Uses(_data, await _data.GetSourcesAsync(), filter);
        var total = await _data.CountAsync(lines, cancellationToken);
        var rows = await _data.ToListAsync(lines.OrderByDescending(l => l.UseId).Skip(Math.Max(0, skip)).Take(Math.Max(1, take)), cancellationToken);
        return new GridPage<UseLine>(rows, total);
    }

    /// <summary>
    /// The staff members who recorded in-store uses, for the uses grid's place filter: each with the name of their latest
    /// use (a renamed account shows its current name), by name.
    /// </summary>
    public async Task<IReadOnlyList<UsePlace>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        var latestUseIds = _data.Uses.Where(u => u.PlaceCustomerId != null)
            .GroupBy(u => u.PlaceCustomerId)
            .Select(g => g.Max(u => u.Id));
        var places = await _data.ToListAsync(_data.Uses.Where(u => latestUseIds.Contains(u.Id))
            .Select(u => new UsePlace(u.PlaceCustomerId!.Value, u.PlaceName ?? "")), cancellationToken);
        return places.OrderBy(p => p.StaffName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.StaffCustomerId).ToList();
    }

    /// <summary>A page of the sharers grid: most shares first, then by customer id.</summary>
    public async Task<GridPage<SharerLine>> SharersAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var lines = CouponQueries.Sharers(_data, await _data.GetSourcesAsync());
        var total = await _data.CountAsync(lines, cancellationToken);
        var rows = await _data.ToListAsync(lines.OrderByDescending(l => l.Shares).ThenBy(l => l.CustomerId)
            .Skip(Math.Max(0, skip)).Take(Math.Max(1, take)), cancellationToken);
        return new GridPage<SharerLine>(rows, total);
    }
}
