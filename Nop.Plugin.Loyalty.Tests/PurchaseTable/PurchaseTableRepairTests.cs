using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.PurchaseTable;

/// <summary>
/// The purchase table's verify-and-repair pass on each database: orders inserted, changed and deleted straight in the
/// store's tables (as an import or SQL would, with no event) are repaired; ranges nobody touched are not rewritten.
/// The expected table is the store's order lines joined in memory here.
/// </summary>
public class PurchaseTableRepairTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private const int RangeOrders = 5;
    private Engine.Store.PurchaseTable _table = null!;

    [SetUp]
    public async Task SeedAndFillAsync()
    {
        _table = new Engine.Store.PurchaseTable(new LinqPurchaseLineStore(Db));
        for (var order = 1; order <= 30; order++)
            InsertOrder(order, lines: 1 + order % 3);

        var pass = await _table.VerifyAsync(0, 100, RangeOrders);

        Assert.That(pass.Repaired, Has.Count.EqualTo(6), "the empty table is filled range by range");
        AssertTableMatchesStore();
    }

    [Test]
    public async Task A_pass_over_an_untouched_table_rewrites_nothing()
    {
        var ids = RowIdsByOrder();

        var pass = await _table.VerifyAsync(0, 100, RangeOrders);

        Assert.That(pass.Checked, Has.Count.EqualTo(6));
        Assert.That(pass.Repaired, Is.Empty);
        Assert.That(pass.NextAfter, Is.Zero, "the pass reached the last order and starts over next time");
        Assert.That(RowIdsByOrder(), Is.EqualTo(ids));
    }

    [Test]
    public async Task Orders_written_behind_the_plugins_back_are_repaired_and_only_their_ranges_rewritten()
    {
        var ids = RowIdsByOrder();
        Db.GetTable<NopOrder>().Where(o => o.Id == 4).Set(o => o.OrderStatusId, 40).Update();           // (0, 5]
        var lineOf12 = Db.GetTable<NopOrderItem>().Where(i => i.OrderId == 12).Min(i => i.Id);
        Db.GetTable<NopOrderItem>().Where(i => i.Id == lineOf12).Delete();                                 // (10, 15]
        Db.GetTable<NopOrderItem>().Where(i => i.OrderId == 23).Set(i => i.PriceInclTax, 999.5m).Update(); // (20, 25]
        Db.GetTable<NopOrder>().Where(o => o.Id == 27).Set(o => o.Deleted, true).Update();                // (25, 30]
        InsertOrder(31, lines: 2);                                                                          // (30, 35]

        var pass = await _table.VerifyAsync(0, 100, RangeOrders);

        Assert.That(pass.Repaired.Select(r => r.After), Is.EqualTo(new[] { 0, 10, 20, 25, 30 }));
        AssertTableMatchesStore();
        var kept = RowIdsByOrder();
        foreach (var order in new[] { 6, 7, 8, 9, 10, 16, 17, 18, 19, 20 })
            Assert.That(kept[order], Is.EqualTo(ids[order]), $"order {order}'s rows were not rewritten");
    }

    [Test]
    public async Task Rows_of_orders_deleted_above_the_stores_last_order_are_removed()
    {
        Db.GetTable<NopOrderItem>().Where(i => i.OrderId >= 29).Delete();
        Db.GetTable<NopOrder>().Where(o => o.Id >= 29).Delete();

        var pass = await _table.VerifyAsync(0, 100, RangeOrders);

        Assert.That(pass.Repaired.Select(r => r.After), Is.EqualTo(new[] { 25 }));
        AssertTableMatchesStore();
    }

    [Test]
    public async Task A_pass_stops_after_its_ranges_and_the_next_carries_on_from_there()
    {
        Db.GetTable<NopOrder>().Where(o => o.Id == 22).Set(o => o.CustomerId, 777).Update();

        var first = await _table.VerifyAsync(0, 2, RangeOrders);
        var second = await _table.VerifyAsync(first.NextAfter, 100, RangeOrders);

        Assert.That(first.Checked.Select(r => r.Through), Is.EqualTo(new[] { 5, 10 }));
        Assert.That(first.Repaired, Is.Empty);
        Assert.That(first.NextAfter, Is.EqualTo(10));
        Assert.That(second.Checked.Select(r => r.Through), Is.EqualTo(new[] { 15, 20, 25, 30 }));
        Assert.That(second.Repaired.Select(r => r.Through), Is.EqualTo(new[] { 25 }));
        Assert.That(second.NextAfter, Is.Zero);
        AssertTableMatchesStore();
    }

    [Test]
    public async Task A_fill_copies_range_after_range_until_it_passes_the_last_order()
    {
        Db.GetTable<LoyaltyPurchaseLine>().Delete();
        var steps = new List<PurchaseTableFill>();
        var after = 0;
        do
        {
            steps.Add(await _table.FillNextAsync(after, 12));
            after = steps[^1].FilledThrough;
        } while (!steps[^1].Complete && steps.Count < 10);

        Assert.That(steps.Select(s => (s.FilledThrough, s.Complete)), Is.EqualTo(new[] { (12, false), (24, false), (36, true) }));
        AssertTableMatchesStore();
        Assert.That((await _table.FillNextAsync(12, 12)).Complete, Is.False, "repeating a range is harmless");
        AssertTableMatchesStore();
    }

    private void InsertOrder(int id, int lines)
    {
        var inserted = Db.InsertWithInt32Identity(new NopOrder
        {
            OrderGuid = Guid.NewGuid(),
            StoreId = 1 + id % 2,
            CustomerId = 100 + id % 7,
            OrderStatusId = 30,
            PaymentStatusId = 30,
            OrderTotal = 10m * id,
            CreatedOnUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(id)
        });
        Assert.That(inserted, Is.EqualTo(id), "orders get the ids the cases name");
        for (var line = 1; line <= lines; line++)
            Db.Insert(new NopOrderItem { OrderItemGuid = Guid.NewGuid(), OrderId = id, ProductId = 500 + line, Quantity = 1, PriceInclTax = id + line / 4m });
    }

    /// <summary>The table's rows against the store's lines joined to their orders, in memory.</summary>
    private void AssertTableMatchesStore()
    {
        var orders = Db.GetTable<NopOrder>().ToDictionary(o => o.Id);
        var expected = Db.GetTable<NopOrderItem>().ToList()
            .Where(i => orders.ContainsKey(i.OrderId))
            .Select(i => (i.Id, i.OrderId, orders[i.OrderId].CustomerId, orders[i.OrderId].StoreId, i.ProductId,
                orders[i.OrderId].OrderStatusId, orders[i.OrderId].Deleted, i.PriceInclTax))
            .OrderBy(r => r.Id).ToList();
        var actual = Db.GetTable<LoyaltyPurchaseLine>().ToList()
            .Select(p => (p.OrderItemId, p.OrderId, p.CustomerId, p.StoreId, p.ProductId, p.OrderStatusId, p.Deleted, p.PriceInclTax))
            .OrderBy(r => r.OrderItemId).ToList();
        Assert.That(actual, Is.EqualTo(expected));
    }

    private Dictionary<int, int[]> RowIdsByOrder() => Db.GetTable<LoyaltyPurchaseLine>().ToList()
        .GroupBy(p => p.OrderId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).OrderBy(id => id).ToArray());
}
