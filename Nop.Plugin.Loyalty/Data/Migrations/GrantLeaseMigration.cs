using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// The grant's runner and lease (1.2.0): one runner per grant across the web nodes of a store. NoMatter, so a store that
/// installed an earlier version gets the columns on update; a new install's grant table already has them.
/// </summary>
[NopMigration("2026/11/28 12:00:00:0000000", "Nop.Plugin.Loyalty grant lease", MigrationProcessType.NoMatter)]
public class GrantLeaseMigration : FluentMigrator.Migration
{
    private static string Table => NameCompatibilityManager.GetTableName(typeof(SpecialGrant));

    private static string Column(string property) => NameCompatibilityManager.GetColumnName(typeof(SpecialGrant), property);

    public override void Up()
    {
        if (!Schema.Table(Table).Exists())
            return;
        if (!Schema.Table(Table).Column(Column(nameof(SpecialGrant.Runner))).Exists())
            Alter.Table(Table).AddColumn(Column(nameof(SpecialGrant.Runner))).AsString(100).Nullable();
        if (!Schema.Table(Table).Column(Column(nameof(SpecialGrant.LeaseUntilUtc))).Exists())
            Alter.Table(Table).AddColumn(Column(nameof(SpecialGrant.LeaseUntilUtc))).AsDateTime2().Nullable();
    }

    // The columns go with the grant table at uninstall.
    public override void Down()
    {
    }
}
