using FluentAssertions;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Loyalty.Data.Mapping;
using Nop.Plugin.Loyalty.Data.Migrations;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.PurchaseLines;

[TestFixture]
public class PurchaseLineSchemaTests : LoyaltyHarness
{
    private static async Task<List<string>> IndexColumnsAsync(string index) =>
        (await GetService<INopDataProvider>().QueryAsync<string>($"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno")).ToList();

    [Test]
    public async Task MigrationCreatesTheTableWithItsKeyIndexesAndCanRunAgainOrBeUndone()
    {
        ApplyMigration();
        using var scope = ServiceProvider.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();

        // Again, as on a store updated from a version that already created the table.
        runner.Up(new PurchaseLineSchemaMigration());

        // The engine's test store indexes its copy of the table the same way (Nop.Plugin.Loyalty.Testing StoreIndexes).
        (await IndexColumnsAsync(Engine.Store.LoyaltyIndexes.PurchaseByProduct.Name)).Should()
            .Equal("ProductId", "CustomerId", "CreatedOnUtc", "OrderStatusId", "Deleted", "PriceInclTax", "StoreId");
        (await IndexColumnsAsync(Engine.Store.LoyaltyIndexes.PurchaseByCustomer.Name)).Should()
            .Equal("CustomerId", "ProductId", "CreatedOnUtc", "OrderStatusId", "Deleted", "PriceInclTax", "StoreId");
        (await IndexColumnsAsync(Engine.Store.LoyaltyIndexes.PurchaseByOrder.Name)).Should().Equal("OrderId", "OrderItemId");
        (await GetService<INopDataProvider>().QueryAsync<int>(
                $"SELECT \"unique\" FROM pragma_index_list('{LoyaltyNameCompatibility.PurchaseLineTable}') WHERE name = '{Engine.Store.LoyaltyIndexes.PurchaseByOrder.Name}'"))
            .Single().Should().Be(1);

        const string tableExists = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{LoyaltyNameCompatibility.PurchaseLineTable}'";
        runner.Down(new PurchaseLineSchemaMigration());
        (await GetService<INopDataProvider>().QueryAsync<int>(tableExists)).Single().Should().Be(0);
        runner.Up(new PurchaseLineSchemaMigration());
        (await GetService<INopDataProvider>().QueryAsync<int>(tableExists)).Single().Should().Be(1);
    }
}
