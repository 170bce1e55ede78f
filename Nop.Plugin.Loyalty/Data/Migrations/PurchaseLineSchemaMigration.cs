using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;

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
public class PurchaseLineSchemaMigration : LoyaltyIndexMigration
{
    private static string Table => NameCompatibilityManager.GetTableName(typeof(PurchaseLine));

    public override void Up()
    {
        if (!Schema.Table(Table).Exists())
            Create.TableFor<PurchaseLine>();
        CreateIndexes(IndexedTable.PurchaseLines);
    }

    public override void Down()
    {
        if (Schema.Table(Table).Exists())
            Delete.Table(Table);
    }
}
