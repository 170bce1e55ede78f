using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Whether a unique index refused a row, on each database nopCommerce runs on (and SQLite, its test harness).</summary>
public static class DuplicateKey
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e != null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState == PostgresErrorCodes.UniqueViolation;
                case SqlException sql:
                    return sql.Number is 2601 or 2627;
                case DbException db:
                    // MySqlConnector and Microsoft.Data.Sqlite are not referenced by the plugin: their codes are read by name.
                    return NumberOf(db, "Number") == 1062 // ER_DUP_ENTRY
                           || NumberOf(db, "SqliteExtendedErrorCode") is 2067 or 1555; // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
            }
        }

        return false;
    }

    private static int? NumberOf(DbException e, string property) =>
        e.GetType().GetProperty(property)?.GetValue(e) is int value ? value : null;
}
