using System.Text;
using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Points;

namespace Nop.Plugin.Loyalty.Tests.Exports;

/// <summary>The recipients and segment CSV exports on each database: every row once, in id order, across pages.</summary>
public class CsvExportsTests(DatabaseKind kind) : PipelineFixture(kind)
{
    private static readonly string[] RecipientsHeader =
        ["CustomerId", "Email", "FullName", "Points", "RemainingPoints", "GrantedOnUtc", "RevokedOnUtc", "RevokedPoints", "PurgedOnUtc"];

    private static readonly string[] SegmentHeader = ["Id", "Email", "First name", "Last name"];

    [Test]
    public async Task Recipients_are_listed_once_each_in_customer_id_order_across_pages()
    {
        var pipeline = Pipeline(chunkSize: 25);
        var grantId = await GrantToAllAsync(pipeline, 60, TimeSpan.FromDays(30));
        await GrantToAllAsync(pipeline, 5, TimeSpan.FromDays(30), "Another grant");
        var (spender, revoked) = (Registered[3], Registered[4]);
        Name(spender, "Hanako", "Yamada");
        await SpendAsync(pipeline, spender, 15);
        Clock.Advance(TimeSpan.FromHours(1));
        await pipeline.RevokeAsync(grantId, revoked);

        var lines = await RecipientsAsync(grantId, pageSize: 7);

        Assert.That(lines[0], Is.EqualTo(string.Join(",", RecipientsHeader)));
        Assert.That(lines.Skip(1).Select(l => int.Parse(l.Split(',')[0])), Is.EqualTo(Registered.Order()), "every recipient once, by customer id");
        Assert.That(lines.Count(l => l.StartsWith($"{spender},")), Is.EqualTo(1));
        Assert.That(lines.Single(l => l.StartsWith($"{spender},")),
            Is.EqualTo($"{spender},customer{spender}@example.com,Hanako Yamada,60,45,2026-11-23 09:00:00,,0,"), "the spender's lot kept 45 of 60");
        Assert.That(lines.Single(l => l.StartsWith($"{revoked},")),
            Is.EqualTo($"{revoked},customer{revoked}@example.com,,60,0,2026-11-23 09:00:00,2026-11-23 10:00:00,60,"));
    }

    [TestCase(1)]
    [TestCase(5000)]
    public async Task A_page_size_changes_nothing_in_the_file(int pageSize)
    {
        var grantId = await GrantToAllAsync(Pipeline(), 10, TimeSpan.FromDays(30));

        var lines = await RecipientsAsync(grantId, pageSize);

        Assert.That(lines, Has.Count.EqualTo(Registered.Count + 1));
        Assert.That(lines.Skip(1).Select(l => int.Parse(l.Split(',')[0])), Is.EqualTo(Registered.Order()));
    }

    [Test]
    public async Task An_unknown_grant_exports_the_header_alone()
    {
        await GrantToAllAsync(Pipeline(), 10, TimeSpan.FromDays(30));

        Assert.That(await RecipientsAsync(grantId: 999, pageSize: 10), Is.EqualTo(new[] { string.Join(",", RecipientsHeader) }));
    }

    [Test]
    public async Task A_name_or_email_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var customer = Registered[0];
        Db.GetTable<NopCustomer>().Where(c => c.Id == customer)
            .Set(c => c.Email, "=1+1@example.jp")
            .Set(c => c.FirstName, "=HYPERLINK(\"http://x\",\"y\")")
            .Set(c => c.LastName, "-2+3")
            .Update();
        var grantId = await GrantToAllAsync(Pipeline(), 10, TimeSpan.FromDays(30));

        var recipients = await RecipientsAsync(grantId, pageSize: 10);
        var segment = await SegmentAsync(NopStore.Sources(Db).RegisteredCustomers().Select(c => c.Id), pageSize: 10);

        Assert.That(recipients.Single(l => l.StartsWith($"{customer},")),
            Is.EqualTo($"{customer},\"'=1+1@example.jp\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") -2+3\",10,10,2026-11-23 09:00:00,,0,"));
        Assert.That(segment.Single(l => l.StartsWith($"{customer},")),
            Is.EqualTo($"{customer},\"'=1+1@example.jp\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'-2+3\""));
    }

    [Test]
    public async Task A_segment_lists_each_customer_once_in_id_order_on_dense_and_sparse_pages()
    {
        var ordered = Registered.Order().ToList();
        // A run of neighbours (pages read by their bounds) and every 9th of the rest (pages that name their ids).
        var chosen = ordered.Take(30).Concat(ordered.Skip(30).Where((_, i) => i % 9 == 0)).ToArray();
        Name(chosen[1], "太郎", "佐藤");
        var sources = NopStore.Sources(Db);
        // The same customer reached twice (a join over orders can do that) is still one row.
        var ids = sources.Customers.Where(c => chosen.Contains(c.Id)).Select(c => c.Id)
            .Concat(sources.Customers.Where(c => c.Id == chosen[0]).Select(c => c.Id));

        var lines = await SegmentAsync(ids, pageSize: 8);

        Assert.That(lines[0], Is.EqualTo(string.Join(",", SegmentHeader)));
        Assert.That(lines.Skip(1).Select(l => int.Parse(l.Split(',')[0])), Is.EqualTo(chosen));
        Assert.That(lines[2], Is.EqualTo($"{chosen[1]},customer{chosen[1]}@example.com,太郎,佐藤"));
    }

    [Test]
    public async Task An_empty_segment_exports_the_header_alone()
    {
        var lines = await SegmentAsync(NopStore.Sources(Db).Customers.Where(c => c.Id < 0).Select(c => c.Id), pageSize: 8);

        Assert.That(lines, Is.EqualTo(new[] { string.Join(",", SegmentHeader) }));
    }

    private void Name(int customerId, string first, string last) =>
        Db.GetTable<NopCustomer>().Where(c => c.Id == customerId).Set(c => c.FirstName, first).Set(c => c.LastName, last).Update();

    private async Task<List<string>> RecipientsAsync(int grantId, int pageSize)
    {
        using var output = new MemoryStream();
        await RecipientsCsv.WriteAsync(new LinqLoyaltyData(Db), grantId, RecipientsHeader, output, pageSize);
        return Lines(output);
    }

    private async Task<List<string>> SegmentAsync(IQueryable<int> ids, int pageSize)
    {
        using var output = new MemoryStream();
        await SegmentCsv.WriteAsync(new LinqLoyaltyData(Db), ids, SegmentHeader, output, pageSize);
        return Lines(output);
    }

    private static List<string> Lines(MemoryStream output)
    {
        var bytes = output.ToArray();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.That(text, Does.EndWith("\r\n"));
        return text[..^2].Split("\r\n").ToList();
    }
}
