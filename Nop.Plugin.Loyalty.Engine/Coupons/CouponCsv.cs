using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Ports;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>
/// The coupon histories as CSV (the caller's header texts, then keyset pages written as they arrive): recipients, uses,
/// and sharers with their share and referral counts.
/// </summary>
public static class CouponCsv
{
    /// <summary>Copy id, coupon id, title, customer id, email, name, received on, first viewed on, shared by (id, email), last used, use count, uses left.</summary>
    public static async Task WriteRecipientsAsync(ICouponData data, RecipientFilter filter, IReadOnlyList<string> header, Stream output,
        int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        var lines = CouponQueries.Recipients(data, await data.GetSourcesAsync(), filter);
        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        for (var last = 0; ;)
        {
            var after = last;
            var page = await data.ToListAsync(lines.Where(l => l.CopyId > after).OrderBy(l => l.CopyId).Take(pageSize), cancellationToken);
            foreach (var l in page)
                await csv.WriteRowAsync(l.CopyId, l.CouponId, l.Title, l.CustomerId, l.Email, RecipientsCsv.FullName(l.FirstName, l.LastName),
                    l.ReceivedOnUtc, l.FirstViewedOnUtc, l.SharedByCustomerId, l.SharedByEmail, l.LastUsedOnUtc, l.UseCount, l.UsesLeft);
            if (page.Count < pageSize)
                return;
            last = page[^1].CopyId;
        }
    }

    /// <summary>Use id, coupon id, title, customer id, email, name, kind (the caller's word for it), order id, place id, place name, used on, returned on.</summary>
    public static async Task WriteUsesAsync(ICouponData data, UseFilter filter, IReadOnlyList<string> header, Func<UseKind, string> kindText,
        Stream output, int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kindText);
        var lines = CouponQueries.Uses(data, await data.GetSourcesAsync(), filter);
        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        for (var last = 0; ;)
        {
            var after = last;
            var page = await data.ToListAsync(lines.Where(l => l.UseId > after).OrderBy(l => l.UseId).Take(pageSize), cancellationToken);
            foreach (var l in page)
                await csv.WriteRowAsync(l.UseId, l.CouponId, l.Title, l.CustomerId, l.Email, RecipientsCsv.FullName(l.FirstName, l.LastName),
                    kindText(l.Kind), l.OrderId, l.PlaceCustomerId, l.PlaceName, l.UsedOnUtc, l.ReturnedOnUtc);
            if (page.Count < pageSize)
                return;
            last = page[^1].UseId;
        }
    }

    /// <summary>Customer id, email, name, shares, referrals.</summary>
    public static async Task WriteSharersAsync(ICouponData data, IReadOnlyList<string> header, Stream output,
        int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        var lines = CouponQueries.Sharers(data, await data.GetSourcesAsync());
        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        for (var last = 0; ;)
        {
            var after = last;
            var page = await data.ToListAsync(lines.Where(l => l.CustomerId > after).OrderBy(l => l.CustomerId).Take(pageSize), cancellationToken);
            foreach (var l in page)
                await csv.WriteRowAsync(l.CustomerId, l.Email, RecipientsCsv.FullName(l.FirstName, l.LastName), l.Shares, l.Referrals);
            if (page.Count < pageSize)
                return;
            last = page[^1].CustomerId;
        }
    }
}
