using System.Diagnostics;
using System.Globalization;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Ports;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Bench.PurchaseTable;

/// <summary>
/// The purchase table's fill and verify-and-repair pass, as the plugin's scheduled task runs them (the engine's
/// PurchaseTable, range by range), on a generated PostgreSQL store with every index the plugin and nopCommerce add.
/// </summary>
public static class PurchaseTableScenario
{
    public const string Usage = """
        Usage: ... purchase-table [options]
          --connection STR    PostgreSQL connection string (default: TestDatabase's)
          --orders N          orders (default 2000000); order n has 1 + n mod 5 lines, 3 on average
          --range N           orders per range (default 20000, the plugin's)
          --reuse             keep the orders already in the database instead of generating them
        """;

    /// <summary>Runs the scenario; returns 0 when the table matches the store after each step.</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        string? connection = null;
        int orders = 2_000_000, rangeOrders = 20_000;
        var reuse = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--orders": orders = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--range": rangeOrders = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--reuse": reuse = true; break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}.\n{Usage}");
                    return 2;
            }
        }

        using var db = TestDatabase.Open(DatabaseKind.PostgreSql, connection);
        db.CommandTimeout = 0;
        if (!reuse)
            Timed("generate store", () => Generate(db, orders));

        orders = db.GetTable<NopOrder>().Count();
        var lines = db.GetTable<NopOrderItem>().Count();
        Console.WriteLine($"Purchase table: PostgreSQL, {orders:N0} orders, {lines:N0} lines, ranges of {rangeOrders:N0} orders; " +
                          $".NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var table = new Engine.Store.PurchaseTable(new LinqPurchaseLineStore(db));

        db.Execute("""TRUNCATE "LoyaltyPurchaseLine" """);
        var ranges = 0;
        var fill = Timed("fill, range by range", () =>
        {
            var after = 0;
            PurchaseTableFill step;
            do
            {
                step = table.FillNextAsync(after, rangeOrders).GetAwaiter().GetResult();
                after = step.FilledThrough;
                ranges++;
            } while (!step.Complete);
        });
        var ok = Check(db, lines);
        Console.WriteLine($"  {ranges:N0} ranges, {fill.TotalSeconds / ranges:N2} s per range, " +
                          $"{fill.TotalSeconds * 1_000_000 / Math.Max(orders, 1):N1} s per million orders");

        PurchaseTablePass pass = null!;
        var intact = Timed("verify pass, nothing to repair", () => pass = table.VerifyAsync(0, int.MaxValue, rangeOrders).GetAwaiter().GetResult());
        Console.WriteLine($"  {pass.Checked.Count:N0} ranges checked, {pass.Repaired.Count} repaired, " +
                          $"{intact.TotalSeconds * 1_000_000 / Math.Max(orders, 1):N1} s per million orders");
        ok &= pass.Repaired.Count == 0;

        // Behind the plugin's back: a status changed in 1 order of 100,000, a line deleted in another, a new order imported.
        var changed = db.Execute("""UPDATE "Order" SET "OrderStatusId" = 40 WHERE "Id" % 100000 = 7""");
        var deleted = db.Execute("""DELETE FROM "OrderItem" WHERE "Id" IN (SELECT MIN("Id") FROM "OrderItem" WHERE "OrderId" % 100000 = 50007 GROUP BY "OrderId")""");
        db.Execute("""
            INSERT INTO "Order" ("OrderGuid", "StoreId", "CustomerId", "OrderStatusId", "PaymentStatusId", "ShippingStatusId", "OrderTotal", "Deleted", "CreatedOnUtc")
            VALUES (gen_random_uuid(), 1, 1, 30, 30, 0, 100, false, now());
            INSERT INTO "OrderItem" ("OrderItemGuid", "OrderId", "ProductId", "Quantity", "PriceInclTax")
            SELECT gen_random_uuid(), MAX("Id"), 1, 1, 100 FROM "Order";
            """);
        var repair = Timed("verify pass, repairing", () => pass = table.VerifyAsync(0, int.MaxValue, rangeOrders).GetAwaiter().GetResult());
        Console.WriteLine($"  {changed} orders changed, {deleted} lines deleted, 1 order imported: {pass.Repaired.Count} ranges repaired");
        ok &= Check(db, db.GetTable<NopOrderItem>().Count());

        Console.WriteLine();
        Console.WriteLine("| step | time | per million orders |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, time) in new[] { ("fill, range by range", fill), ("verify pass, nothing to repair", intact), ($"verify pass, {pass.Repaired.Count} ranges repaired", repair) })
            Console.WriteLine($"| {name} | {time.TotalSeconds:N1} s | {time.TotalSeconds * 1_000_000 / Math.Max(orders, 1):N1} s |");
        return ok ? 0 : 1;
    }

    /// <summary>Orders and lines in two INSERT … SELECT over generate_series, with nopCommerce's and the plugin's indexes.</summary>
    private static void Generate(DataConnection db, int orders)
    {
        TestDatabase.CreateSchema(db);
        db.Execute($"""
            INSERT INTO "Order" ("OrderGuid", "StoreId", "CustomerId", "OrderStatusId", "PaymentStatusId", "ShippingStatusId", "OrderTotal", "Deleted", "CreatedOnUtc")
            SELECT gen_random_uuid(), 1, 1 + (g::bigint * 7919 % 200000)::int, CASE WHEN g % 10 = 0 THEN 40 ELSE 30 END, 30, 0, (g % 500) * 10,
                   g % 100 = 0, TIMESTAMP '2022-01-01' + g * INTERVAL '40 seconds'
            FROM generate_series(1, {orders}) g
            """);
        db.Execute("""
            INSERT INTO "OrderItem" ("OrderItemGuid", "OrderId", "ProductId", "Quantity", "PriceInclTax")
            SELECT gen_random_uuid(), o."Id", 1 + (o."Id" * 31 + l * 17) % 20000, 1, 100 + (o."Id" + l) % 9000
            FROM "Order" o, generate_series(1, 1 + o."Id" % 5) l
            ORDER BY o."Id", l
            """);
        db.Execute("VACUUM ANALYZE");
    }

    private static bool Check(DataConnection db, int lines)
    {
        var rows = db.GetTable<LoyaltyPurchaseLine>().Count();
        if (rows == lines)
            return true;
        Console.WriteLine($"  MISMATCH: {rows:N0} purchase rows for {lines:N0} order lines");
        return false;
    }

    private static TimeSpan Timed(string step, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        Console.WriteLine($"{step}: {watch.Elapsed.TotalSeconds:N1} s");
        return watch.Elapsed;
    }
}
