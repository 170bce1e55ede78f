using FluentAssertions;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Services.Orders;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.PurchaseLines;

/// <summary>Orders written through nopCommerce's own services reach the purchase table through its events alone.</summary>
[TestFixture]
public class PurchaseLineEventTests : PurchaseLineFixture
{
    private async Task<Order> PlaceAsync(Customer customer, params (Product Product, decimal Price)[] lines)
    {
        var orderService = GetService<IOrderService>();
        var addressId = await GetService<IRepository<Address>>().Table.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var order = new Order
        {
            OrderGuid = Guid.NewGuid(),
            CustomOrderNumber = string.Empty,
            StoreId = StoreId,
            CustomerId = customer.Id,
            BillingAddressId = addressId,
            OrderStatus = OrderStatus.Processing,
            PaymentStatus = PaymentStatus.Pending,
            ShippingStatus = ShippingStatus.ShippingNotRequired,
            CustomerCurrencyCode = "USD",
            CurrencyRate = 1m,
            OrderTotal = lines.Sum(l => l.Price),
            CreatedOnUtc = DateTime.UtcNow
        };
        await orderService.InsertOrderAsync(order);

        foreach (var (product, price) in lines)
            await orderService.InsertOrderItemAsync(new OrderItem
            {
                OrderItemGuid = Guid.NewGuid(),
                OrderId = order.Id,
                ProductId = product.Id,
                Quantity = 1,
                UnitPriceInclTax = price,
                UnitPriceExclTax = price,
                PriceInclTax = price,
                PriceExclTax = price
            });

        return order;
    }

    private async Task<List<int>> SpendersAsync(bool purchaseTable, IReadOnlyList<int> products, params int[] among)
    {
        var definition = new SegmentDefinition(new SegmentGroup(GroupMatch.All,
            [new PurchaseAmountCondition(PurchaseScope.Products, products, new DecimalRange(Min: 150m))]));
        var customers = await SegmentsOver(purchaseTable).Segments.SampleAsync(definition, 100_000);
        return customers.Select(c => c.Id).Where(among.Contains).Order().ToList();
    }

    /// <summary>The table's answer, checked against the join's, for the given customers.</summary>
    private async Task<List<int>> SpendersAsync(IReadOnlyList<int> products, params int[] among)
    {
        var fromTable = await SpendersAsync(true, products, among);
        fromTable.Should().Equal(await SpendersAsync(false, products, among));
        return fromTable;
    }

    [Test]
    public async Task OrderAndLineChangesThroughNopServicesRewriteTheOrdersRows()
    {
        await FillFromScratchAsync(chunkOrders: 1000);
        var products = await GetService<IRepository<Product>>().Table.Where(p => !p.Deleted).OrderBy(p => p.Id).Take(2).ToListAsync();
        var productIds = products.Select(p => p.Id).ToList();
        var customers = await CreateCustomersAsync(2, "purchaser");
        var (first, second) = (customers[0].Id, customers[1].Id);

        // Placed: each line arrives with its order's customer, status and date.
        var bigOrder = await PlaceAsync(customers[0], (products[0], 120m), (products[1], 80m));
        var smallOrder = await PlaceAsync(customers[1], (products[0], 60m));
        (await TableRowsAsync(bigOrder.Id)).Should().HaveCount(2).And.Equal((await ExpectedRowsAsync()).Where(r => r.OrderId == bigOrder.Id));
        (await TableRowsAsync(smallOrder.Id)).Should().ContainSingle()
            .Which.Should().Match<Row>(r => r.CustomerId == second && r.PriceInclTax == 60m && r.OrderStatusId == (int)OrderStatus.Processing);
        (await SpendersAsync(productIds, first, second)).Should().Equal(first);

        // A line's amount edited (as the admin's order editing does).
        var orderService = GetService<IOrderService>();
        var smallLine = (await orderService.GetOrderItemsAsync(smallOrder.Id)).Single();
        smallLine.PriceInclTax = 200m;
        await orderService.UpdateOrderItemAsync(smallLine);
        (await TableRowsAsync(smallOrder.Id)).Single().PriceInclTax.Should().Be(200m);
        (await SpendersAsync(productIds, first, second)).Should().Equal(first, second);

        // Cancelled: the rows keep the order's new status, and cancelled orders do not count.
        await GetService<IOrderProcessingService>().CancelOrderAsync(await orderService.GetOrderByIdAsync(bigOrder.Id), false);
        (await TableRowsAsync(bigOrder.Id)).Should().HaveCount(2).And.OnlyContain(r => r.OrderStatusId == (int)OrderStatus.Cancelled);
        (await SpendersAsync(productIds, first, second)).Should().Equal(second);

        // Deleted (nopCommerce only flags the order): the rows are kept, flagged.
        await GetService<IOrderProcessingService>().DeleteOrderAsync(await orderService.GetOrderByIdAsync(smallOrder.Id));
        (await TableRowsAsync(smallOrder.Id)).Should().ContainSingle().Which.Deleted.Should().BeTrue();
        (await SpendersAsync(productIds, first, second)).Should().BeEmpty();

        // A line removed from an order: its row goes.
        var removed = (await orderService.GetOrderItemsAsync(bigOrder.Id)).First();
        await orderService.DeleteOrderItemAsync(removed);
        (await TableRowsAsync(bigOrder.Id)).Select(r => r.OrderItemId).Should().NotContain(removed.Id).And.HaveCount(1);

        // Through all of it, the table stayed the store's copy.
        (await TableRowsAsync()).Should().Equal(await ExpectedRowsAsync());
    }

    [Test]
    public async Task AnOrderUpdateSetsTheOrdersFieldsAndRewritesAnOrderWhoseRowsAreMissing()
    {
        await FillFromScratchAsync(chunkOrders: 1000);
        var products = await GetService<IRepository<Product>>().Table.Where(p => !p.Deleted).OrderBy(p => p.Id).Take(3).ToListAsync();
        var customer = (await CreateCustomersAsync(1, "updated"))[0];
        var order = await PlaceAsync(customer, (products[0], 10m), (products[1], 20m), (products[2], 30m));
        var orderService = GetService<IOrderService>();

        // Lines arrive one row each, the order's rows then follow its status.
        (await TableRowsAsync(order.Id)).Should().HaveCount(3);
        order.OrderStatus = OrderStatus.Complete;
        await orderService.UpdateOrderAsync(order);
        (await TableRowsAsync(order.Id)).Should().HaveCount(3).And.OnlyContain(r => r.OrderStatusId == (int)OrderStatus.Complete);

        // A row gone astray (an event missed): the order's next update, whatever it changes, rewrites the order.
        var firstLine = (await TableRowsAsync(order.Id))[0].OrderItemId;
        await Table.DeleteAsync(p => p.OrderItemId == firstLine);
        order.CustomOrderNumber = "updated-" + order.Id;
        await orderService.UpdateOrderAsync(order);
        (await TableRowsAsync(order.Id)).Should().Equal((await ExpectedRowsAsync()).Where(r => r.OrderId == order.Id));

        (await TableRowsAsync()).Should().Equal(await ExpectedRowsAsync());
    }
}
