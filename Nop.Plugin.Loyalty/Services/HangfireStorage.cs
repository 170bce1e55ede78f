using Nop.Data;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Where Hangfire keeps the plugin's background jobs in the store's database (PluginNopStartup), and how uninstalling
/// removes them: SQL Server and PostgreSQL get a schema of their own; MySQL / MariaDB keep jobs in memory, so nothing stays.
/// </summary>
public static class HangfireStorage
{
    public const string SqlServerSchema = "LoyaltyHangfire";
    public const string PostgreSqlSchema = "loyalty_hangfire";

    /// <summary>The SQL that drops Hangfire's tables and schema, or null for a database where jobs are kept in memory.</summary>
    public static string DropStatement(DataProviderType provider) => provider switch
    {
        DataProviderType.PostgreSQL => $"DROP SCHEMA IF EXISTS \"{PostgreSqlSchema}\" CASCADE",
        // SQL Server drops a schema only when it is empty, and a table only after the foreign keys that point at it.
        DataProviderType.SqlServer => $"""
            DECLARE @sql nvarchar(max) = N'';
            SELECT @sql += N'ALTER TABLE [{SqlServerSchema}].' + QUOTENAME(OBJECT_NAME(parent_object_id)) + N' DROP CONSTRAINT ' + QUOTENAME(name) + N';'
              FROM sys.foreign_keys WHERE schema_id = SCHEMA_ID(N'{SqlServerSchema}');
            SELECT @sql += N'DROP TABLE [{SqlServerSchema}].' + QUOTENAME(name) + N';'
              FROM sys.tables WHERE schema_id = SCHEMA_ID(N'{SqlServerSchema}');
            EXEC sp_executesql @sql;
            IF SCHEMA_ID(N'{SqlServerSchema}') IS NOT NULL EXEC(N'DROP SCHEMA [{SqlServerSchema}]');
            """,
        _ => null
    };

    /// <summary>Drops Hangfire's tables from the store's database (uninstall).</summary>
    public static async Task DropAsync(INopDataProvider dataProvider)
    {
        if (DropStatement(DataSettingsManager.LoadSettings().DataProvider) is { } sql)
            await dataProvider.ExecuteNonQueryAsync(sql);
    }
}
