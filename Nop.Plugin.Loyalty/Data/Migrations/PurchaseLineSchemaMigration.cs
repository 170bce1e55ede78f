using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// The purchase table and its indexes. Down (run at uninstall) removes the table.
/// </summary>
/// <remarks>
/// NoMatter, not Installation: nopCommerce then runs it both when the plugin is installed and, on a store that installed
/// an earlier version, when the plugin's version changes (PluginService.UpdatePluginsAsync applies the plugin's unapplied
/// Update and NoMatter migrations). Every step checks what exists, so it can run on any of those schemas.
/// </remarks>
[NopMigration("2026/11/24 10:00:00:0000000", "Nop.Plugin.Loyalty purchase table", MigrationProcessType.NoMatter)]
public class PurchaseLineSchemaMigration : Migration
{
    public const string ProductIndex = "IX_Loyalty_PurchaseLine_Product";
    public const string CustomerIndex = "IX_Loyalty_PurchaseLine_Customer";
    public const string OrderIndex = "IX_Loyalty_PurchaseLine_Order";

    private static string Table => NameCompatibilityManager.GetTableName(typeof(PurchaseLine));

    /// <summary>
    /// Index name and key columns. Every column a purchase condition reads is a key column (not INCLUDE, which MySQL
    /// lacks), so the conditions read the index alone: by product for "bought X", by customer under Any or Not.
    /// The order index is unique with the line's id: should a fill chunk and an event rewrite the same order at the
    /// same moment, one of them fails (and is redone) instead of a line counting twice in every sum.
    /// </summary>
    public static readonly (string Name, string[] Columns)[] Indexes =
    [
        (ProductIndex, [nameof(PurchaseLine.ProductId), nameof(PurchaseLine.CustomerId), nameof(PurchaseLine.CreatedOnUtc),
            nameof(PurchaseLine.OrderStatusId), nameof(PurchaseLine.Deleted), nameof(PurchaseLine.PriceInclTax), nameof(PurchaseLine.StoreId)]),
        (CustomerIndex, [nameof(PurchaseLine.CustomerId), nameof(PurchaseLine.ProductId), nameof(PurchaseLine.CreatedOnUtc),
            nameof(PurchaseLine.OrderStatusId), nameof(PurchaseLine.Deleted), nameof(PurchaseLine.PriceInclTax), nameof(PurchaseLine.StoreId)]),
        (OrderIndex, [nameof(PurchaseLine.OrderId), nameof(PurchaseLine.OrderItemId)])
    ];

    public override void Up()
    {
        if (!Schema.Table(Table).Exists())
            Create.TableFor<PurchaseLine>();

        foreach (var (name, columns) in Indexes)
        {
            if (Schema.Table(Table).Index(name).Exists())
                continue;
            var index = Create.Index(name).OnTable(Table).OnColumn(columns[0]).Ascending();
            foreach (var column in columns.Skip(1))
                index = index.OnColumn(column).Ascending();
            if (name == OrderIndex)
                index.WithOptions().Unique();
        }
    }

    public override void Down()
    {
        if (Schema.Table(Table).Exists())
            Delete.Table(Table);
    }
}
