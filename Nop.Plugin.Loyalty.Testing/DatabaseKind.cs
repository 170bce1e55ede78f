namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The database engines nopCommerce stores run on that the tests cover.</summary>
public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
    MariaDb
}
