using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>
/// Tag CSV exports, written as they are read: keyset pages by customer id (one query per page, never an offset), through
/// <see cref="CsvExport"/> (UTF-8 with BOM, formula cells escaped). Deleted customers are left out.
/// </summary>
public static class TagCsvExport
{
    /// <summary>A tag's members: id, email, first and last name under <paramref name="header"/>.</summary>
    public static async Task WriteMembersAsync(ILoyaltyData data, int customerRoleId, IReadOnlyList<string> header, Stream output,
        int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var sources = await data.GetSourcesAsync();
        var members = from c in sources.Customers
            where !c.Deleted && sources.CustomerRoles.Any(m => m.CustomerId == c.Id && m.CustomerRoleId == customerRoleId)
            select c;

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        var last = 0;
        while (true)
        {
            var after = last;
            var page = await data.ToListAsync(members.Where(c => c.Id > after).OrderBy(c => c.Id).Take(pageSize)
                .Select(c => new CustomerRow { Id = c.Id, Email = c.Email, FirstName = c.FirstName, LastName = c.LastName }), cancellationToken);
            foreach (var row in page)
                await csv.WriteRowAsync(row.Id, row.Email, row.FirstName, row.LastName);
            if (page.Count < pageSize)
                break;
            last = page[^1].Id;
        }
    }

    /// <summary>
    /// Every customer holding a tag: id, email and their tag names joined by <see cref="TagCsvImport.TagSeparator"/>, the
    /// import's own format, so an exported file can be edited and imported back.
    /// </summary>
    public static async Task WriteCustomerTagsAsync(ILoyaltyData data, IReadOnlyCollection<TagRow> tags, IReadOnlyList<string> header,
        Stream output, int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var sources = await data.GetSourcesAsync();
        var names = tags.ToDictionary(t => t.CustomerRoleId, t => t.Name);
        var order = tags.Select((t, i) => (t.CustomerRoleId, i)).ToDictionary(t => t.CustomerRoleId, t => t.i);
        var roleIds = names.Keys.ToArray();

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        if (roleIds.Length == 0)
            return;

        var holders = from c in sources.Customers
            where !c.Deleted && sources.CustomerRoles.Any(m => m.CustomerId == c.Id && roleIds.Contains(m.CustomerRoleId))
            select c;
        var last = 0;
        while (true)
        {
            var after = last;
            var page = await data.ToListAsync(holders.Where(c => c.Id > after).OrderBy(c => c.Id).Take(pageSize)
                .Select(c => new CustomerRow { Id = c.Id, Email = c.Email }), cancellationToken);
            if (page.Count == 0)
                break;
            var (first, end) = (page[0].Id, page[^1].Id);
            var mappings = await data.ToListAsync(sources.CustomerRoles
                .Where(m => m.CustomerId >= first && m.CustomerId <= end && roleIds.Contains(m.CustomerRoleId)), cancellationToken);
            var byCustomer = mappings.ToLookup(m => m.CustomerId, m => m.CustomerRoleId);
            foreach (var row in page)
                await csv.WriteRowAsync(row.Id, row.Email,
                    string.Join(TagCsvImport.TagSeparator, byCustomer[row.Id].OrderBy(r => order[r]).Select(r => names[r])));
            if (page.Count < pageSize)
                break;
            last = end;
        }
    }
}
