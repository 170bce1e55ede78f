using FluentMigrator;
using Nop.Core.Domain.Orders;
using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// Saved segments (issue 3), plus the indexes on nopCommerce's Order and OrderItem tables that segment previews
/// and grants read, when the store lacks them. Down (run at uninstall) removes only what this migration created.
/// NoMatter: it runs at install and also when a store that installed 1.0.0 updates, and every step checks first.
/// </summary>
[NopMigration("2026/11/23 14:00:00:0000000", "Nop.Plugin.Loyalty segments", MigrationProcessType.NoMatter)]
public class SegmentSchemaMigration : Migration
{
    public const string OrderCustomerCreatedIndex = "IX_Loyalty_Order_CustomerId_CreatedOnUtc";
    public const string OrderItemProductIndex = "IX_Loyalty_OrderItem_ProductId";

    private static string SegmentTable => NameCompatibilityManager.GetTableName(typeof(Segment));
    private static string OrderTable => NameCompatibilityManager.GetTableName(typeof(Order));
    private static string OrderItemTable => NameCompatibilityManager.GetTableName(typeof(OrderItem));

    private static string OrderColumn(string property) => NameCompatibilityManager.GetColumnName(typeof(Order), property);
    private static string OrderItemColumn(string property) => NameCompatibilityManager.GetColumnName(typeof(OrderItem), property);

    public override void Up()
    {
        if (!Schema.Table(SegmentTable).Exists())
            Create.TableFor<Segment>();

        // Order conditions read a customer's orders by (CustomerId, CreatedOnUtc) and filter status, deletion and
        // total; as trailing key columns (not INCLUDE) the index covers them on SQL Server, MySQL and PostgreSQL alike.
        if (!Schema.Table(OrderTable).Index(OrderCustomerCreatedIndex).Exists())
            Create.Index(OrderCustomerCreatedIndex).OnTable(OrderTable)
                .OnColumn(OrderColumn(nameof(Order.CustomerId))).Ascending()
                .OnColumn(OrderColumn(nameof(Order.CreatedOnUtc))).Ascending()
                .OnColumn(OrderColumn(nameof(Order.OrderStatusId))).Ascending()
                .OnColumn(OrderColumn(nameof(Order.Deleted))).Ascending()
                .OnColumn(OrderColumn(nameof(Order.OrderTotal))).Ascending();

        // Purchase conditions go from products to their order lines (and spend sums PriceInclTax).
        if (!Schema.Table(OrderItemTable).Index(OrderItemProductIndex).Exists())
            Create.Index(OrderItemProductIndex).OnTable(OrderItemTable)
                .OnColumn(OrderItemColumn(nameof(OrderItem.ProductId))).Ascending()
                .OnColumn(OrderItemColumn(nameof(OrderItem.OrderId))).Ascending()
                .OnColumn(OrderItemColumn(nameof(OrderItem.PriceInclTax))).Ascending();
    }

    public override void Down()
    {
        if (Schema.Table(OrderItemTable).Index(OrderItemProductIndex).Exists())
            Delete.Index(OrderItemProductIndex).OnTable(OrderItemTable);
        if (Schema.Table(OrderTable).Index(OrderCustomerCreatedIndex).Exists())
            Delete.Index(OrderCustomerCreatedIndex).OnTable(OrderTable);

        if (Schema.Table(SegmentTable).Exists())
            Delete.Table(SegmentTable);
    }
}
