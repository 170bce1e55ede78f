using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>Opens a store database of a given kind, with nopCommerce's tables created empty.</summary>
public static class TestDatabase
{
    /// <summary>Connection string of the PostgreSQL server (environment LOYALTY_TEST_POSTGRES overrides).</summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("LOYALTY_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=loyalty;Password=loyalty;Database=loyalty_test;Include Error Detail=true";

    /// <summary>Connection string of the MariaDB server (environment LOYALTY_TEST_MARIADB overrides).</summary>
    public static string MariaDbConnectionString =>
        Environment.GetEnvironmentVariable("LOYALTY_TEST_MARIADB")
        ?? "Server=127.0.0.1;Port=3306;User ID=loyalty;Password=loyalty;Database=loyalty_test;AllowUserVariables=true;AllowLoadLocalInfile=true";

    /// <summary>Opens a connection; SQLite runs in memory and lives as long as the connection.</summary>
    public static DataConnection Open(DatabaseKind kind, string? connectionString = null)
    {
        var options = kind switch
        {
            DatabaseKind.Sqlite => new DataOptions().UseSQLite(connectionString ?? "Data Source=:memory:"),
            DatabaseKind.PostgreSql => new DataOptions().UsePostgreSQL(connectionString ?? PostgresConnectionString),
            DatabaseKind.MariaDb => new DataOptions().UseMySql(connectionString ?? MariaDbConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(kind))
        };
        var db = new DataConnection(options);
        db.CommandTimeout = 600;
        return db;
    }

    /// <summary>The kind of database a connection talks to.</summary>
    public static DatabaseKind KindOf(DataConnection db)
    {
        var provider = db.DataProvider.Name;
        if (provider.Contains("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return DatabaseKind.PostgreSql;
        return provider.Contains("MySql", StringComparison.OrdinalIgnoreCase) ? DatabaseKind.MariaDb : DatabaseKind.Sqlite;
    }

    /// <summary>Drops and creates every table the tests use, empty, with the store's and the plugin's indexes.</summary>
    public static void CreateSchema(DataConnection db, bool pluginIndexes = true)
    {
        Recreate<NopCustomer>(db);
        Recreate<NopCustomerRole>(db);
        Recreate<NopCustomerRoleMapping>(db);
        Recreate<NopRewardPointsHistory>(db);
        Recreate<NopOrder>(db);
        Recreate<NopOrderItem>(db);
        Recreate<NopProductCategory>(db);
        Recreate<NopCategory>(db);
        Recreate<NopNewsLetterSubscription>(db);
        Recreate<LoyaltySpecialGrant>(db);
        Recreate<LoyaltySpecialGrantRecipient>(db);
        Recreate<LoyaltyLotExpiry>(db);
        Recreate<LoyaltyPurchaseLine>(db);
        Recreate<LoyaltyCoupon>(db);
        Recreate<LoyaltyCouponDistribution>(db);
        Recreate<LoyaltyCouponCopy>(db);
        Recreate<LoyaltyCouponShare>(db);
        Recreate<LoyaltyCouponUse>(db);
        Recreate<LoyaltyCouponReferral>(db);
        Recreate<LoyaltyMemberTag>(db);
        StoreIndexes.Create(db, pluginIndexes);
    }

    /// <summary>Refreshes the planner's statistics, as a live store's autovacuum or nightly job keeps them.</summary>
    public static void Analyze(DataConnection db)
    {
        if (KindOf(db) == DatabaseKind.MariaDb)
            db.Execute("ANALYZE TABLE `Customer`, `Customer_CustomerRole_Mapping`, `RewardPointsHistory`, `LoyaltySpecialGrantRecipient`, `LoyaltyLotExpiry`");
        else
            db.Execute("ANALYZE");
    }

    private static void Recreate<T>(DataConnection db) where T : notnull
    {
        db.DropTable<T>(tableOptions: TableOptions.DropIfExists);
        db.CreateTable<T>();
    }
}
