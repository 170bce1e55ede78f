using Nop.Plugin.Loyalty.Engine.Ports;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>
/// A grant's recipients as CSV: customer id, email, full name, points granted, points left, granted on, revoked on,
/// points revoked, purged on. Read in keyset pages by customer id (an index seek per page: no COUNT, no OFFSET) and
/// written as each page arrives, so memory stays flat and the first bytes leave at once.
/// </summary>
public static class RecipientsCsv
{
    /// <summary>Writes <paramref name="header"/> (the caller's texts), then every recipient of the grant in customer id order.</summary>
    public static async Task WriteAsync(ILoyaltyData data, int grantId, IReadOnlyList<string> header, Stream output,
        int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);

        var grant = (await data.ToListAsync(data.Grants.Where(g => g.Id == grantId), cancellationToken)).FirstOrDefault();
        var customers = (await data.GetSourcesAsync()).Customers;

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        if (grant == null)
            return;

        var last = 0;
        while (true)
        {
            var after = last;
            var page = await data.ToListAsync((
                    from r in data.Recipients
                    where r.GrantId == grantId && r.CustomerId > after
                    // Bounded on both sides: PostgreSQL merges the two id orders and would otherwise walk the customers from the first.
                    join c in customers.Where(c => c.Id > after) on r.CustomerId equals c.Id into cs
                    from c in cs.DefaultIfEmpty()
                    join l in data.Ledger on r.LedgerEntryId equals l.Id into ls
                    from l in ls.DefaultIfEmpty()
                    orderby r.CustomerId
                    select new Line
                    {
                        CustomerId = r.CustomerId,
                        Email = c.Email,
                        FirstName = c.FirstName,
                        LastName = c.LastName,
                        LotPoints = (int?)l.Points,
                        RemainingPoints = l.ValidPoints,
                        LotCreatedOnUtc = (DateTime?)l.CreatedOnUtc,
                        RevokedOnUtc = r.RevokedOnUtc,
                        RevokedPoints = r.RevokedPoints,
                        PurgedOnUtc = r.PurgedOnUtc
                    }).Take(pageSize), cancellationToken);

            foreach (var line in page)
            {
                // A lot emptied before it activated (a revoke) keeps 0 points: the row still shows what was granted.
                await csv.WriteRowAsync(line.CustomerId, line.Email, FullName(line.FirstName, line.LastName),
                    line.LotPoints > 0 ? line.LotPoints : grant.Points,
                    line.RemainingPoints ?? 0,
                    line.LotCreatedOnUtc ?? grant.StartedOnUtc ?? grant.CreatedOnUtc,
                    line.RevokedOnUtc, line.RevokedPoints, line.PurgedOnUtc);
            }

            if (page.Count < pageSize)
                return;
            last = page[^1].CustomerId;
        }
    }

    /// <summary>First and last name as one, either may be missing.</summary>
    public static string FullName(string? firstName, string? lastName) => $"{firstName} {lastName}".Trim();

    private sealed class Line
    {
        public int CustomerId { get; set; }
        public string? Email { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public int? LotPoints { get; set; }
        public int? RemainingPoints { get; set; }
        public DateTime? LotCreatedOnUtc { get; set; }
        public DateTime? RevokedOnUtc { get; set; }
        public int RevokedPoints { get; set; }
        public DateTime? PurgedOnUtc { get; set; }
    }
}
