using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// The grant wizard's customer lists (1.3.0), kept server-side between steps instead of in the page. NoMatter: it runs
/// at install and when an earlier version updates; Down (uninstall) drops the table.
/// </summary>
[NopMigration("2026/11/29 01:00:00:0000000", "Nop.Plugin.Loyalty uploaded customer lists", MigrationProcessType.NoMatter)]
public class UploadedListMigration : FluentMigrator.Migration
{
    private static string Table => NameCompatibilityManager.GetTableName(typeof(UploadedCustomerList));

    public override void Up()
    {
        if (!Schema.Table(Table).Exists())
            Create.TableFor<UploadedCustomerList>();
    }

    public override void Down()
    {
        if (Schema.Table(Table).Exists())
            Delete.Table(Table);
    }
}
