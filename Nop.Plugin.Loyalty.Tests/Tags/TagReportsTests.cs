using System.Text;
using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>Orders by tag and sales by tag on each database, against figures computed here from the generated rows.</summary>
public class TagReportsTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private static readonly DateOnly From = new(2024, 3, 10);
    private static readonly DateOnly To = new(2024, 4, 30);
    private static readonly DateTime Now = new(2024, 8, 1, 0, 0, 0, DateTimeKind.Utc);

    private TimeZoneInfo _zone = null!;
    private TagReportStore _store = null!;

    private void SeedIn(string zoneId, int seed = 11)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        // An order one second either side of each end of the period, in the store's calendar.
        var boundaries = new[] { LocalMidnight(From), LocalMidnight(To.AddDays(1)) }
            .SelectMany(t => new[] { t.AddSeconds(-1), t });
        _store = TagReportStore.Seed(Db, seed, boundaries);
    }

    private DateTime LocalMidnight(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), _zone);

    private TagReportFilter Filter(IEnumerable<int> roleIds, int[] statuses, int storeId, DateOnly? from = null, DateOnly? to = null) =>
        TagReportFilter.ForDays(roleIds, from ?? From, to ?? To, new SegmentContext(_zone, Now), statuses, storeId);

    /// <summary>The report's orders as the test reads the rows: not deleted, placed on a day in the period in the store's calendar.</summary>
    private IEnumerable<NopOrder> Covered(int[] statuses, int storeId, DateOnly? from = null, DateOnly? to = null) =>
        _store.Orders.Where(o =>
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(o.CreatedOnUtc, DateTimeKind.Utc), _zone));
            return !o.Deleted && day >= (from ?? From) && day <= (to ?? To)
                   && (statuses.Length == 0 || statuses.Contains(o.OrderStatusId))
                   && (storeId == 0 || o.StoreId == storeId);
        });

    private LinqLoyaltyData Data => new(Db);

    [TestCase("Asia/Tokyo", new int[0], 0)]
    [TestCase("America/New_York", new[] { 10, 20, 30 }, 0)]
    [TestCase("America/New_York", new[] { 30 }, 2)]
    [TestCase("Europe/London", new[] { 20, 40 }, 1)]
    public async Task Sales_by_tag_are_each_tags_orders_customers_and_revenue(string zoneId, int[] statuses, int storeId)
    {
        SeedIn(zoneId);
        var roles = _store.TagRoleIds;

        var lines = await TagSales.ReportAsync(Data, Filter(roles, statuses, storeId));

        var expected = roles.Select(role =>
        {
            var orders = Covered(statuses, storeId).Where(o => _store.Holds(o.CustomerId, role)).ToList();
            return new TagSalesLine(role, orders.Count, orders.Select(o => o.CustomerId).Distinct().Count(), orders.Sum(o => o.OrderTotal));
        }).ToList();
        Assert.That(lines, Is.EqualTo(expected));
        Assert.That(expected.Sum(l => l.Orders), Is.GreaterThan(Covered(statuses, storeId).Count(o => roles.Any(r => _store.Holds(o.CustomerId, r)))),
            "customers holding several tags count under each (the data must have some)");
    }

    [Test]
    public async Task A_tag_without_orders_gets_a_line_of_zeros_and_no_tag_gets_no_line()
    {
        SeedIn("Asia/Tokyo");
        var empty = Db.InsertWithInt32Identity(new NopCustomerRole { Name = "Nobody", SystemName = "Loyalty.Tag.9", Active = true });

        var lines = await TagSales.ReportAsync(Data, Filter([empty, _store.TagRoleIds[1]], [], 0));

        Assert.That(lines[0], Is.EqualTo(new TagSalesLine(empty, 0, 0, 0m)));
        Assert.That(lines[0].AverageOrder, Is.Zero);
        Assert.That(lines[1].Orders, Is.GreaterThan(0));
        Assert.That(lines[1].AverageOrder, Is.EqualTo(Math.Round(lines[1].Revenue / lines[1].Orders, 4)));
        Assert.That(await TagSales.ReportAsync(Data, Filter([], [], 0)), Is.Empty);
    }

    [TestCase("Asia/Tokyo")]
    [TestCase("America/New_York")]
    public async Task The_period_runs_from_the_stores_midnight_to_its_midnight(string zoneId)
    {
        SeedIn(zoneId);
        var roles = _store.TagRoleIds;
        var start = LocalMidnight(From);
        var end = LocalMidnight(To.AddDays(1));

        var ids = new List<int>();
        await foreach (var line in TagOrders.AllAsync(Data, Filter(roles, [], 0), pageSize: 50))
            ids.Add(line.OrderId);

        int IdAt(DateTime instant) => _store.Orders.Single(o => o.CreatedOnUtc == instant).Id;
        Assert.That(ids, Does.Contain(IdAt(start)), "the first instant of the first day");
        Assert.That(ids, Does.Contain(IdAt(end.AddSeconds(-1))), "the last second of the last day");
        Assert.That(ids, Does.Not.Contain(IdAt(start.AddSeconds(-1))), "the day before");
        Assert.That(ids, Does.Not.Contain(IdAt(end)), "the day after");
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(1000)]
    public async Task Orders_by_tag_are_the_tagged_customers_orders_newest_first_across_pages(int pageSize)
    {
        SeedIn("Asia/Tokyo");
        var chosen = new[] { _store.TagRoleIds[0], _store.TagRoleIds[2] };
        int[] statuses = [20, 30];
        var filter = Filter(chosen, statuses, 0);

        var lines = new List<TagOrderLine>();
        int? before = null;
        var pages = 0;
        do
        {
            var page = await TagOrders.PageAsync(Data, filter, before, pageSize);
            Assert.That(page.Lines.Count, Is.LessThanOrEqualTo(pageSize));
            lines.AddRange(page.Lines);
            before = page.NextBeforeOrderId;
            pages++;
        } while (before != null);

        var expected = Covered(statuses, 0).Where(o => chosen.Any(r => _store.Holds(o.CustomerId, r)))
            .OrderByDescending(o => o.Id).ToList();
        Assert.That(lines.Select(l => l.OrderId), Is.EqualTo(expected.Select(o => o.Id)));
        Assert.That(pages, Is.EqualTo(Math.Max(1, (expected.Count + pageSize - 1) / pageSize)), "no empty page after the last");
        foreach (var line in lines)
        {
            var order = expected.Single(o => o.Id == line.OrderId);
            Assert.That((line.CustomerId, line.OrderTotal, line.OrderStatusId), Is.EqualTo((order.CustomerId, order.OrderTotal, order.OrderStatusId)));
            Assert.That(line.Email, Is.EqualTo(_store.Customers.Single(c => c.Id == order.CustomerId).Email));
            Assert.That(line.RoleIds, Is.EqualTo(chosen.Where(r => _store.Holds(order.CustomerId, r)).Order()));
        }
    }

    [Test]
    public async Task The_orders_csv_lists_every_order_with_formulas_escaped()
    {
        SeedIn("Asia/Tokyo");
        var role = _store.TagRoleIds[1];
        var customer = _store.Mappings.First(m => m.CustomerRoleId == role).CustomerId;
        Db.GetTable<NopCustomer>().Where(c => c.Id == customer).Set(c => c.FirstName, "=cmd|' /C calc'!A0").Set(c => c.LastName, "Sato").Update();
        var filter = Filter([role], [], 0, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var names = new Dictionary<int, string> { [role] = "Silver" };

        using var output = new MemoryStream();
        await TagReportCsv.WriteOrdersAsync(Data, filter, ["Order", "PlacedOnUtc", "Customer", "Email", "Name", "Status", "Total", "Tags"],
            id => $"S{id}", names, output, pageSize: 4);
        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var expected = Covered([], 0, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))
            .Where(o => _store.Holds(o.CustomerId, role)).OrderByDescending(o => o.Id).ToList();
        Assert.That(lines[0], Is.EqualTo("Order,PlacedOnUtc,Customer,Email,Name,Status,Total,Tags"));
        Assert.That(lines.Skip(1).Select(l => int.Parse(l.Split(',')[0])), Is.EqualTo(expected.Select(o => o.Id)));
        var mine = expected.First(o => o.CustomerId == customer);
        var email = _store.Customers.Single(c => c.Id == customer).Email;
        var fields = lines.Single(l => l.StartsWith($"{mine.Id},")).Split(',');
        Assert.That(fields[..6], Is.EqualTo(new[]
        {
            $"{mine.Id}", $"{mine.CreatedOnUtc:yyyy-MM-dd HH:mm:ss}", $"{customer}", email, "\"'=cmd|' /C calc'!A0 Sato\"", $"S{mine.OrderStatusId}"
        }));
        Assert.That(decimal.Parse(fields[6], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(mine.OrderTotal));
        Assert.That(fields[7], Is.EqualTo("Silver"));
    }

    [Test]
    public void A_report_needs_a_tag_and_a_period_in_order()
    {
        Assert.That(TagReportFilter.Check([], null, null).Select(e => e.ResourceKey), Is.EqualTo(new[] { TagReportMessages.NoTag }));
        Assert.That(TagReportFilter.Check([1], From, From.AddDays(-1)).Select(e => e.ResourceKey), Is.EqualTo(new[] { TagReportMessages.PeriodReversed }));
        Assert.That(TagReportFilter.Check([1], From, From), Is.Empty);
        Assert.That(TagReportFilter.Check([1], null, To), Is.Empty);
    }
}
