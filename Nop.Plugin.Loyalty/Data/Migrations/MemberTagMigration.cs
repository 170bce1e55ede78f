using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// Member tags and tag groups (1.4.0). NoMatter: it runs at install and when an earlier version updates; Down
/// (uninstall) drops the tables (the tags' customer roles are removed by the plugin's uninstall first) and the index the
/// tags added to nopCommerce's role mapping, which stays.
/// </summary>
[NopMigration("2026/11/29 04:00:00:0000000", "Nop.Plugin.Loyalty member tags", MigrationProcessType.NoMatter)]
public class MemberTagMigration : LoyaltyIndexMigration
{
    private static string TagTable => NameCompatibilityManager.GetTableName(typeof(MemberTag));
    private static string GroupTable => NameCompatibilityManager.GetTableName(typeof(MemberTagGroup));

    public override void Up()
    {
        if (!Schema.Table(GroupTable).Exists())
            Create.TableFor<MemberTagGroup>();
        if (!Schema.Table(TagTable).Exists())
            Create.TableFor<MemberTag>();
        CreateIndexes(IndexedTable.CustomerRoleMappings);
    }

    public override void Down()
    {
        DeleteIndexes(IndexedTable.CustomerRoleMappings);
        if (Schema.Table(TagTable).Exists())
            Delete.Table(TagTable);
        if (Schema.Table(GroupTable).Exists())
            Delete.Table(GroupTable);
    }
}
