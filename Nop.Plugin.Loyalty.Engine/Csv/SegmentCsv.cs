using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>
/// A segment's customers as CSV: id, email, first name, last name. The segment's query runs once, for its customer ids
/// (a purchase condition aggregates millions of order lines: run per page, it would cost that every page); the customers
/// are then read in keyset pages of those ids and written as each page arrives.
/// </summary>
public static class SegmentCsv
{
    /// <summary>Writes <paramref name="header"/> (the caller's texts), then every customer of <paramref name="customerIds"/> in id order.</summary>
    public static async Task WriteAsync(ILoyaltyData data, IQueryable<int> customerIds, IReadOnlyList<string> header, Stream output,
        int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);

        var ids = (await data.ToListAsync(customerIds, cancellationToken)).Distinct().Order().ToList();
        var customers = (await data.GetSourcesAsync()).Customers;

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        foreach (var chunk in ids.Chunk(pageSize))
        {
            var range = CustomerRange.Spanning(chunk);
            var (first, last, pageIds) = (range.First, range.Last, range.Ids);
            var page = customers.Where(c => c.Id >= first && c.Id <= last);
            // A dense page is read by its bounds alone (one cached plan); a sparse one names its ids.
            if (!range.IsDense)
                page = page.Where(c => pageIds.Contains(c.Id));

            var wanted = pageIds.ToHashSet();
            var rows = await data.ToListAsync(page.OrderBy(c => c.Id)
                .Select(c => new CustomerRow { Id = c.Id, Email = c.Email, FirstName = c.FirstName, LastName = c.LastName }), cancellationToken);
            foreach (var row in rows.Where(r => wanted.Contains(r.Id)))
                await csv.WriteRowAsync(row.Id, row.Email, row.FirstName, row.LastName);
        }
    }
}
