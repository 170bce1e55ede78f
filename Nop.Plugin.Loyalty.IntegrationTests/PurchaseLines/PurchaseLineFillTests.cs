using FluentAssertions;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.ScheduledTasks;
using Nop.Services.Customers;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.PurchaseLines;

[TestFixture]
public class PurchaseLineFillTests : PurchaseLineFixture
{
    [Test]
    public async Task FillCopiesEveryOrderLineOnceInChunksOfOrderIds()
    {
        var lastOrderId = await GetService<IRepository<Order>>().Table.MaxAsync(o => o.Id);
        var lineCount = await GetService<IRepository<OrderItem>>().Table.CountAsync();

        var chunks = await FillFromScratchAsync(chunkOrders: 2);

        chunks.Should().Be((lastOrderId + 1) / 2, "each call copies the next 2 order ids until the last order is passed");
        var settings = await LoadSettingsAsync();
        settings.PurchaseLinesComplete.Should().BeTrue();
        settings.PurchaseLinesFilledThroughOrderId.Should().BeGreaterThanOrEqualTo(lastOrderId);

        var expected = await ExpectedRowsAsync();
        expected.Should().HaveCount(lineCount).And.NotBeEmpty();
        var rows = await TableRowsAsync();
        rows.Should().Equal(expected);
        rows.Select(r => r.OrderItemId).Should().OnlyHaveUniqueItems();

        // The sample orders, one per sample customer, with their own status (steve's is Processing, victoria's Complete).
        var customers = GetService<ICustomerService>();
        var steve = await customers.GetCustomerByEmailAsync("steve_gates@nopCommerce.com");
        var victoria = await customers.GetCustomerByEmailAsync("victoria_victoria@nopCommerce.com");
        rows.Where(r => r.CustomerId == steve.Id).Should().NotBeEmpty()
            .And.OnlyContain(r => r.OrderStatusId == (int)OrderStatus.Processing);
        rows.Where(r => r.CustomerId == victoria.Id).Should().NotBeEmpty()
            .And.OnlyContain(r => r.OrderStatusId == (int)OrderStatus.Complete);
    }

    [Test]
    public async Task ARepeatedChunkLeavesNeitherDuplicatesNorStaleRows()
    {
        await FillFromScratchAsync(chunkOrders: 1000);
        var expected = await ExpectedRowsAsync();

        // As if the fill had stopped after copying but before saving how far it got, with a row gone stale meanwhile.
        var stale = await Table.Table.OrderBy(p => p.Id).FirstAsync();
        stale.PriceInclTax += 1000m;
        stale.OrderStatusId = (int)OrderStatus.Cancelled;
        await Table.UpdateAsync(stale, false);
        await SaveFillStateAsync(0, false);

        (await Sync.FillNextRangeAsync(chunkOrders: 1000)).Should().BeTrue();
        (await TableRowsAsync()).Should().Equal(expected);

        // Complete: a further call copies nothing, even where the table differs from the store.
        var removedId = (await Table.Table.OrderBy(p => p.Id).FirstAsync()).Id;
        (await Table.DeleteAsync(p => p.Id == removedId)).Should().Be(1);
        (await Sync.FillNextRangeAsync(chunkOrders: 1000)).Should().BeTrue();
        (await TableRowsAsync()).Should().HaveCount(expected.Count - 1);
    }

    [Test]
    public async Task TheScheduledTaskFillsAnEmptyTableAndThenRepairsOrdersWrittenWithoutEvents()
    {
        await Table.DeleteAsync(p => true);
        await SaveFillStateAsync(0, false);

        var task = new FillPurchaseLinesTask(Sync);
        await task.ExecuteAsync();

        (await LoadSettingsAsync()).PurchaseLinesComplete.Should().BeTrue();
        (await TableRowsAsync()).Should().Equal(await ExpectedRowsAsync());

        // An order changed straight in the database (an import, SQL): no event, so only the check can see it.
        var orders = GetService<IRepository<Order>>();
        var changed = await orders.Table.OrderByDescending(o => o.Id).FirstAsync();
        await LinqToDB.LinqExtensions.UpdateAsync(LinqToDB.LinqExtensions.Set(
            orders.Table.Where(o => o.Id == changed.Id), o => o.OrderStatusId, (int)OrderStatus.Cancelled));
        await task.ExecuteAsync();

        (await TableRowsAsync()).Should().Equal(await ExpectedRowsAsync());
        (await TableRowsAsync(changed.Id)).Should().NotBeEmpty().And.OnlyContain(r => r.OrderStatusId == (int)OrderStatus.Cancelled);
    }

    [Test]
    public async Task RestartingTheFillEmptiesNothingAndCopiesEveryOrderAgain()
    {
        await FillFromScratchAsync(chunkOrders: 1000);

        await Sync.RestartFillAsync();
        var progress = await Sync.GetFillProgressAsync();
        progress.Complete.Should().BeFalse();
        progress.FilledThrough.Should().Be(0);
        progress.LastOrderId.Should().Be(await GetService<IRepository<Order>>().Table.MaxAsync(o => o.Id));

        (await Sync.FillNextRangeAsync(chunkOrders: 1000)).Should().BeTrue();
        (await TableRowsAsync()).Should().Equal(await ExpectedRowsAsync());
    }
}
