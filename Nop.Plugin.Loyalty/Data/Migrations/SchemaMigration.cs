using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// The plugin's special points tables with the engine's indexes on them and on nopCommerce's RewardPointsHistory.
/// Down (run by nopCommerce at uninstall) removes everything Up created.
/// </summary>
[NopMigration("2026/11/23 12:00:00:0000000", "Nop.Plugin.Loyalty schema", MigrationProcessType.Installation)]
public class SchemaMigration : LoyaltyIndexMigration
{
    // Names come from NameCompatibilityManager, as Create.TableFor uses it (LoyaltyNameCompatibility maps them).
    private static string GrantTable => NameCompatibilityManager.GetTableName(typeof(SpecialGrant));
    private static string RecipientTable => NameCompatibilityManager.GetTableName(typeof(SpecialGrantRecipient));
    private static string LotExpiryTable => NameCompatibilityManager.GetTableName(typeof(LotExpiry));

    public override void Up()
    {
        if (!Schema.Table(GrantTable).Exists())
            Create.TableFor<SpecialGrant>();
        if (!Schema.Table(RecipientTable).Exists())
            Create.TableFor<SpecialGrantRecipient>();
        if (!Schema.Table(LotExpiryTable).Exists())
            Create.TableFor<LotExpiry>();

        CreateIndexes(IndexedTable.GrantRecipients);
        CreateIndexes(IndexedTable.LotExpiries);
        CreateIndexes(IndexedTable.Ledger);
    }

    public override void Down()
    {
        DeleteIndexes(IndexedTable.Ledger);

        if (Schema.Table(LotExpiryTable).Exists())
            Delete.Table(LotExpiryTable);
        if (Schema.Table(RecipientTable).Exists())
            Delete.Table(RecipientTable);
        if (Schema.Table(GrantTable).Exists())
            Delete.Table(GrantTable);
    }
}
