using FluentAssertions;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Services;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.PurchaseLines;

[TestFixture]
public class PurchaseLineSegmentTests : PurchaseLineFixture
{
    private static SegmentDefinition Define(SegmentNode node) => new(new SegmentGroup(GroupMatch.All, [node]));

    private static async Task<List<int>> CustomersAsync(SegmentService segments, SegmentDefinition definition)
    {
        var ids = (await segments.SampleAsync(definition, 100_000)).Select(c => c.Id).ToList();
        (await segments.PreviewCountAsync(definition)).Should().Be(ids.Count);
        return ids;
    }

    [Test]
    public async Task PurchaseConditionsSelectTheSameCustomersWithAndWithoutThePurchaseTable()
    {
        await FillFromScratchAsync(chunkOrders: 1000);
        var withTable = SegmentsOver(purchaseTable: true);
        var withoutTable = SegmentsOver(purchaseTable: false);
        (await withTable.Sources.GetSourcesAsync()).PurchaseLines.Should().NotBeNull();
        (await withoutTable.Sources.GetSourcesAsync()).PurchaseLines.Should().BeNull();

        // Conditions over what the sample customers bought: lines of orders neither deleted nor cancelled.
        var counted = (await ExpectedRowsAsync()).Where(r => !r.Deleted && r.OrderStatusId != (int)OrderStatus.Cancelled).ToList();
        var products = counted.Select(r => r.ProductId).Distinct().Order().Take(3).ToArray();
        products.Should().NotBeEmpty();
        var categories = await GetService<IRepository<ProductCategory>>().Table
            .Where(pc => products.Contains(pc.ProductId)).Select(pc => pc.CategoryId).Distinct().ToListAsync();

        var boughtAny = Define(new PurchasedCondition(PurchaseScope.Products, ListMatch.Any, products));
        var definitions = new[]
        {
            boughtAny,
            Define(new PurchasedCondition(PurchaseScope.Products, ListMatch.All, products.Take(2).ToArray())),
            Define(new PurchasedCondition(PurchaseScope.Categories, ListMatch.Any, categories,
                new DateWindow(From: new DateOnly(2000, 1, 1)))),
            Define(new PurchaseAmountCondition(PurchaseScope.Categories, categories, new DecimalRange(Min: 100m))),
            Define(new PurchaseAmountCondition(PurchaseScope.Products, products, new DecimalRange(Max: 500m))),
            new SegmentDefinition(new SegmentGroup(GroupMatch.Any,
            [
                new PurchasedCondition(PurchaseScope.Products, ListMatch.Any, products.Take(1).ToArray()) { Not = true },
                new PurchaseAmountCondition(PurchaseScope.Categories, categories, new DecimalRange(Min: 1000m))
            ]))
        };

        foreach (var definition in definitions)
            (await CustomersAsync(withTable.Segments, definition)).Should()
                .Equal(await CustomersAsync(withoutTable.Segments, definition), SegmentJson.Serialize(definition));

        // And what they select is what the store says: registered customers with a counted line of those products.
        var registered = await RegisteredCustomerIdsAsync();
        var expected = counted.Where(r => products.Contains(r.ProductId) && registered.Contains(r.CustomerId))
            .Select(r => r.CustomerId).Distinct().Order().ToList();
        expected.Should().NotBeEmpty();
        (await CustomersAsync(withTable.Segments, boughtAny)).Should().Equal(expected);

        // The table is really what the conditions read: without one buyer's rows, only the table's answer changes.
        var buyer = expected[0];
        var buyerOrders = (await ExpectedRowsAsync()).Where(r => r.CustomerId == buyer).Select(r => r.OrderId).Distinct().ToList();
        await Table.DeleteAsync(p => p.CustomerId == buyer);
        (await CustomersAsync(withTable.Segments, boughtAny)).Should().Equal(expected.Skip(1));
        (await CustomersAsync(withoutTable.Segments, boughtAny)).Should().Equal(expected);

        foreach (var orderId in buyerOrders)
            await Sync.RefreshOrderAsync(orderId);
        (await CustomersAsync(withTable.Segments, boughtAny)).Should().Equal(expected);
        (await TableRowsAsync()).Should().Equal(await ExpectedRowsAsync());
    }
}
