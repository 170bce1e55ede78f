using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Bench.Exports;

/// <summary>
/// The recipients and segment CSV exports at store scale: a grant to every registered customer and the segment
/// "bought from a category for 10,000 or more in the last 90 days" reaching them all, each exported by the engine (keyset
/// pages, written as read) and by the shape it replaced (a COUNT and an OFFSET per page; the segment's query per page).
/// </summary>
public static class ExportsScenario
{
    private const int CategoryId = 1;
    private const int OtherCategoryId = 2;
    private const int Products = 2_000;
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    private static readonly string[] RecipientsHeader =
        ["CustomerId", "Email", "FullName", "Points", "RemainingPoints", "GrantedOnUtc", "RevokedOnUtc", "RevokedPoints", "PurgedOnUtc"];
    private static readonly string[] SegmentHeader = ["Id", "Email", "First name", "Last name"];

    public static int Run(BenchOptions options)
    {
        Console.WriteLine($"CSV exports: {options.Database}, {options.ExportRows:N0} registered customers, seed {options.Seed}; " +
                          $".NET {Environment.Version}, {Environment.ProcessorCount} cores");
        using var db = TestDatabase.Open(options.Database, options.ConnectionString);
        var report = new Report();
        report.Step("generate store", () => Generate(db, options), n => $"{n:N0} registered customers, 4 one-line orders each, purchase table filled");

        var data = new LinqLoyaltyData(db, purchaseLines: true);
        var pipeline = TestPipeline.Create(db, new ManualClock(Now), new PipelineOptions(options.ChunkSize));
        var grantId = Run(() => pipeline.QueueGrantAsync(new GrantRow
        {
            Name = "Export bench",
            Points = 100,
            ExpiresOnUtc = Now.AddDays(30),
            StoreId = 1,
            TargetJson = GrantTargetJson.Serialize(new AllRegisteredTarget())
        }));
        report.Step("grant to all (setup)", () => Run(() => pipeline.RunAsync(grantId)), outcome => $"{outcome}");
        TestDatabase.Analyze(db);

        var recipients = db.GetTable<LoyaltySpecialGrantRecipient>().Count(r => r.GrantId == grantId);
        var keyset = Twice(report, "recipients CSV (keyset pages)",
            output => RecipientsCsv.WriteAsync(data, grantId, RecipientsHeader, output), "target: under 3 s for 200,000 rows");
        var offset = report.Step("recipients CSV (old: COUNT + OFFSET pages)", () => Export(output => OldRecipientsAsync(data, grantId, output)), Describe);

        var sources = NopStore.Sources(db, purchaseLines: true);
        var segment = new SegmentDefinition(new PurchaseAmountCondition(PurchaseScope.Categories, [CategoryId], new DecimalRange(10_000m),
            new DateWindow(Relative: RelativePeriod.LastDays, Days: 90)));
        IQueryable<int> Segment() => SegmentCompiler.Compile(segment, sources, new SegmentContext(TimeZoneInfo.Utc, Now));
        var segmentKeyset = Twice(report, "segment CSV (ids once, keyset pages)",
            output => SegmentCsv.WriteAsync(data, Segment(), SegmentHeader, output), "target: under 3 s for 200,000 rows");
        var segmentOld = report.Step("segment CSV (old: segment query per page)",
            () => Export(output => OldSegmentAsync(data, Segment(), sources.Customers, output)), Describe);

        report.PrintMarkdown($"CSV exports, {options.Database}, {recipients:N0} recipients");
        var same = keyset.Hash == offset.Hash && segmentKeyset.Hash == segmentOld.Hash;
        var complete = keyset.Rows == recipients && segmentKeyset.Rows == recipients;
        Console.WriteLine(same && complete
            ? "Both shapes wrote the same files; every recipient and every segment customer exported."
            : $"MISMATCH: recipients {keyset.Rows:N0}/{offset.Rows:N0} of {recipients:N0}, segment {segmentKeyset.Rows:N0}/{segmentOld.Rows:N0}");
        return same && complete ? 0 : 1;
    }

    private sealed record Written(int Rows, long Bytes, int Hash);

    /// <summary>
    /// Times an export twice: the first run in a process also pays for compiling its queries (as the first export after
    /// a store starts does), the second is what every later export costs.
    /// </summary>
    private static Written Twice(Report report, string step, Func<Stream, Task> write, string note = "")
    {
        report.Step(step + ", first in the process", () => Export(write), Describe);
        return report.Step(step, () => Export(write), Describe, note);
    }

    private static string Describe(Written w) => $"{w.Rows:N0} rows, {w.Bytes / 1024.0 / 1024.0:N1} MB";

    private static T Run<T>(Func<Task<T>> step) => step().GetAwaiter().GetResult();

    /// <summary>Runs an export into memory (a response body stands in): rows, size and a fingerprint to compare shapes by.</summary>
    private static Written Export(Func<Stream, Task> write)
    {
        using var output = new MemoryStream();
        write(output).GetAwaiter().GetResult();
        var bytes = output.ToArray();
        var rows = bytes.Count(b => b == (byte)'\n') - 1;
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return new Written(rows, bytes.Length, hash.ToHashCode());
    }

    /// <summary>The shape the plugin used before: a page of the four-table join by OFFSET, and a COUNT with every page.</summary>
    private static async Task OldRecipientsAsync(LinqLoyaltyData data, int grantId, Stream output)
    {
        var grant = data.Grants.Single(g => g.Id == grantId);
        var customers = (await data.GetSourcesAsync()).Customers;
        var query =
            from r in data.Recipients
            where r.GrantId == grantId
            join g in data.Grants on r.GrantId equals g.Id
            join c in customers on r.CustomerId equals c.Id
            join l in data.Ledger on r.LedgerEntryId equals l.Id into lots
            from lot in lots.DefaultIfEmpty()
            orderby r.CustomerId
            select new { r, c, lot };

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. RecipientsHeader]);
        const int pageSize = CsvExport.PageSize;
        for (var page = 0; ; page++)
        {
            var total = await query.CountAsync();
            var rows = await query.Skip(page * pageSize).Take(pageSize).ToListAsync();
            foreach (var x in rows)
                await csv.WriteRowAsync(x.r.CustomerId, x.c.Email, RecipientsCsv.FullName(x.c.FirstName, x.c.LastName),
                    x.lot != null && x.lot.Points > 0 ? x.lot.Points : grant.Points, x.lot?.ValidPoints ?? 0,
                    x.lot?.CreatedOnUtc ?? grant.StartedOnUtc ?? grant.CreatedOnUtc, x.r.RevokedOnUtc, x.r.RevokedPoints, x.r.PurgedOnUtc);
            if ((page + 1) * pageSize >= total)
                break;
        }
    }

    /// <summary>The segment export before: each page of customers ran the segment's query again, from the last id on.</summary>
    private static async Task OldSegmentAsync(LinqLoyaltyData data, IQueryable<int> ids, IQueryable<CustomerRow> customers, Stream output)
    {
        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. SegmentHeader]);
        var lastId = 0;
        while (true)
        {
            var after = lastId;
            var rows = await data.ToListAsync((
                from id in ids.Where(id => id > after)
                join c in customers on id equals c.Id
                orderby c.Id
                select c).Take(CsvExport.PageSize));
            foreach (var row in rows)
                await csv.WriteRowAsync(row.Id, row.Email, row.FirstName, row.LastName);
            if (rows.Count < CsvExport.PageSize)
                break;
            lastId = rows[^1].Id;
        }
    }

    /// <summary>
    /// Every tenth customer a guest; each registered one has two orders in the last 90 days with a line of 5,000–8,000 in
    /// the category (so 10,000 or more there), an older order in it, and a line in another category.
    /// </summary>
    private static int Generate(DataConnection db, BenchOptions options)
    {
        TestDatabase.CreateSchema(db);
        var random = new Random(options.Seed);
        var copy = new BulkCopyOptions
        {
            BulkCopyType = options.Database == DatabaseKind.MariaDb ? BulkCopyType.MultipleRows : BulkCopyType.ProviderSpecific,
            KeepIdentity = true
        };
        var total = options.ExportRows + options.ExportRows / 9;
        bool IsRegistered(int id) => id % 10 != 0;

        db.BulkCopy(copy, new[]
        {
            new NopCustomerRole { Id = 1, Name = "Registered", SystemName = NopStore.RegisteredRoleSystemName, Active = true },
            new NopCustomerRole { Id = 2, Name = "Guests", SystemName = "Guests", Active = true }
        });
        db.BulkCopy(copy, Enumerable.Range(1, total).Select(id => new NopCustomer
        {
            Id = id,
            CustomerGuid = new Guid(id, 0, 0, new byte[8]),
            Email = IsRegistered(id) ? $"customer{id}@example.test" : null,
            FirstName = IsRegistered(id) ? $"Hanako{id % 997}" : null,
            LastName = IsRegistered(id) ? $"Yamada{id % 991}" : null,
            Active = true,
            CreatedOnUtc = Now.AddDays(-400).AddMinutes(id),
            RegisteredInStoreId = 1
        }));
        db.BulkCopy(copy, Enumerable.Range(1, total).Select(id => new NopCustomerRoleMapping
        {
            Id = id, CustomerId = id, CustomerRoleId = IsRegistered(id) ? 1 : 2
        }));
        db.BulkCopy(copy, Enumerable.Range(1, Products).Select(p => new NopProductCategory
        {
            Id = p, ProductId = p, CategoryId = p <= Products / 2 ? CategoryId : OtherCategoryId
        }));

        var registered = Enumerable.Range(1, total).Where(IsRegistered).ToArray();
        // Per customer: two recent orders in the category, one older in it, one recent in another category.
        var orders = registered.SelectMany((customerId, i) => Enumerable.Range(0, 4).Select(k => (Id: i * 4 + k + 1, CustomerId: customerId,
            DaysAgo: k == 2 ? 200 + random.Next(100) : 1 + random.Next(80), Category: k == 3 ? OtherCategoryId : CategoryId))).ToArray();
        db.BulkCopy(copy, orders.Select(o => new NopOrder
        {
            Id = o.Id,
            OrderGuid = Guid.Empty,
            StoreId = 1,
            CustomerId = o.CustomerId,
            OrderStatusId = 30,
            PaymentStatusId = 30,
            OrderTotal = 0,
            CreatedOnUtc = DateTime.SpecifyKind(Now.AddDays(-o.DaysAgo), DateTimeKind.Unspecified)
        }));
        db.BulkCopy(copy, orders.Select(o => new NopOrderItem
        {
            Id = o.Id,
            OrderItemGuid = Guid.Empty,
            OrderId = o.Id,
            ProductId = o.Category == CategoryId ? 1 + random.Next(Products / 2) : Products / 2 + 1 + random.Next(Products / 2),
            Quantity = 1,
            PriceInclTax = 5_000 + random.Next(3_001)
        }));
        NopStore.FillPurchaseLines(db);
        TestDatabase.Analyze(db);
        return registered.Length;
    }
}
