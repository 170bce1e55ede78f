using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// Saved segments, plus the engine's indexes on nopCommerce's Order and OrderItem tables that segment previews and grants
/// read. Down (run at uninstall) removes only what this migration created.
/// NoMatter: it runs at install and also when a store that installed 1.0.0 updates, and every step checks first.
/// </summary>
[NopMigration("2026/11/23 14:00:00:0000000", "Nop.Plugin.Loyalty segments", MigrationProcessType.NoMatter)]
public class SegmentSchemaMigration : LoyaltyIndexMigration
{
    private static string SegmentTable => NameCompatibilityManager.GetTableName(typeof(Segment));

    public override void Up()
    {
        if (!Schema.Table(SegmentTable).Exists())
            Create.TableFor<Segment>();

        CreateIndexes(IndexedTable.Orders);
        CreateIndexes(IndexedTable.OrderItems);
    }

    public override void Down()
    {
        DeleteIndexes(IndexedTable.OrderItems);
        DeleteIndexes(IndexedTable.Orders);

        if (Schema.Table(SegmentTable).Exists())
            Delete.Table(SegmentTable);
    }
}
