using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>The progress of background tag steps (1.4.0). NoMatter, like the tag tables; Down (uninstall) drops it.</summary>
[NopMigration("2026/11/29 05:00:00:0000000", "Nop.Plugin.Loyalty member tag runs", MigrationProcessType.NoMatter)]
public class MemberTagRunMigration : FluentMigrator.Migration
{
    private static string Table => NameCompatibilityManager.GetTableName(typeof(MemberTagRun));

    public override void Up()
    {
        if (!Schema.Table(Table).Exists())
            Create.TableFor<MemberTagRun>();
    }

    public override void Down()
    {
        if (Schema.Table(Table).Exists())
            Delete.Table(Table);
    }
}
