using System.Diagnostics;
using System.Globalization;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Bench.Segments;

/// <summary>
/// Segment previews on a generated store (PostgreSQL, or MariaDB): the four seed segments compiled by the engine,
/// each timed against a hand-written SQL query for the same question in the same run.
/// </summary>
public static class SegmentPreviewScenario
{
    public const string Usage = """
        Usage: ... segments [options]
          --db KIND           postgres (default) | mariadb
          --connection STR    connection string (default: TestDatabase's for the kind)
          --customers N       customers (default 200000)
          --orders N          orders (default 2000000, at least 1.6 per customer); each has 1 to 5 lines, 3 on
                              average. 30 % of customers never ordered, 20 % once, 12 % twice, the rest up to
                              hundreds of times; customers and orders grow over time (StoreShape)
          --products N        products (default 20000)
          --reps N            timed repetitions of each query, median reported (default 5)
          --seed N            seed of the generated store (default 1)
          --reuse             keep the store already in the database instead of generating it
          --plugin-indexes    also create what the plugin's migrations would add (indexes, the filled purchase
                              table), and time again; with --reuse, time the store a --plugin-indexes run left
                              (its indexes and purchase table) without generating anything
          --sql               print the SQL the engine generates
        """;

    // Summer is a top category whose products sit in its 10 subcategories (2-11), as a store's "Computers" does;
    // categories 12-200 are other top categories and their children.
    private const int SummerCategoryId = 1;
    private const int SummerSubcategories = 10;
    private const int Categories = 200;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTime NowUtc = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private sealed record Options(DatabaseKind Db, string? Connection, int Customers, int Orders, int Products, int Reps, int Seed,
        bool Reuse, bool PluginIndexes, bool PrintSql);

    /// <summary>Runs the scenario; returns 0 when every count matches its hand-written query.</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        Console.WriteLine($"Segment previews: {options.Db}, {options.Customers:N0} customers, {options.Orders:N0} orders, " +
                          $"seed {options.Seed}; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        using var db = TestDatabase.Open(options.Db, options.Connection);
        if (!options.Reuse)
        {
            Timed("generate store", () => Generate(db, options));
            // The schema came with nopCommerce's own indexes only (StoreIndexes.Store): a store before the plugin is installed.
            Timed("statistics", () => Analyze(db, options.Db));
        }

        if (options.Reuse && options.PluginIndexes)
            return Measure(db, options, "with the plugin's indexes and purchase table (reused store)", purchaseTable: true) ? 0 : 1;

        var ok = Measure(db, options, options.Reuse ? "indexes already in the database" : "nopCommerce indexes only");
        if (options.PluginIndexes)
        {
            var rows = 0;
            Timed("fill the purchase table", () => rows = NopStore.FillPurchaseLines(db));
            Console.WriteLine($"  ({rows:N0} rows)");
            // Exactly the engine's list (LoyaltyIndexes.All), as the plugin's migrations create it.
            Timed("plugin indexes", () =>
            {
                StoreIndexes.CreatePlugin(db);
                Analyze(db, options.Db);
            });
            ok &= Measure(db, options, "with the plugin's indexes and purchase table", purchaseTable: true);
        }
        return ok ? 0 : 1;
    }

    private static void Analyze(DataConnection db, DatabaseKind kind) => db.Execute(kind == DatabaseKind.MariaDb
        ? "ANALYZE TABLE `Customer`, `Customer_CustomerRole_Mapping`, `Order`, `OrderItem`, `Product_Category_Mapping`, `Category`, `NewsLetterSubscription`, `LoyaltyPurchaseLine`"
        : "VACUUM ANALYZE");

    private static string ForMariaDb(string sql) => sql.Replace('"', '`');

    private static bool Measure(DataConnection db, Options options, string title, bool purchaseTable = false)
    {
        var sources = NopStore.Sources(db, purchaseTable);
        var context = new SegmentContext(Zone, NowUtc);
        var registeredRoleId = sources.RegisteredRoleId;
        var yearAgo = new DateWindow(Relative: RelativePeriod.LastDays, Days: 365).Resolve(context).FromUtc!.Value;

        const string registered = """
            FROM "Customer" c
            WHERE c."Active" AND NOT c."Deleted" AND NOT c."IsSystemAccount"
              AND EXISTS (SELECT 1 FROM "Customer_CustomerRole_Mapping" m WHERE m."CustomerId" = c."Id" AND m."CustomerRoleId" = @role)
            """;
        const string counted = """NOT o."Deleted" AND o."OrderStatusId" <> 40""";
        var summer = new PurchaseAmountCondition(PurchaseScope.Categories, [SummerCategoryId], new DecimalRange(10_000m), IncludeSubcategories: true);
        var summerTree = $"""
            WITH RECURSIVE tree AS (
              SELECT {SummerCategoryId} AS "Id"
              UNION SELECT k."Id" FROM "Category" k JOIN tree t ON k."ParentCategoryId" = t."Id" WHERE NOT k."Deleted")
            """;
        var cases = new List<(string Name, SegmentNode Root, string Sql)>
        {
            ("birthday this month", new BirthdayCondition(BirthdayPeriod.CurrentMonth),
                $"""SELECT COUNT(*) {registered} AND EXTRACT(MONTH FROM c."DateOfBirth") = {context.Today.Month}"""),
            ("bought exactly once", new OrderCountCondition(new IntRange(1, 1)),
                $"""
                 SELECT COUNT(*) {registered} AND c."Id" IN (
                   SELECT o."CustomerId" FROM "Order" o WHERE {counted} GROUP BY o."CustomerId" HAVING COUNT(*) = 1)
                 """),
            ("no order in the last year", new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.LastDays, Days: 365)) { Not = true },
                $"""
                 SELECT COUNT(*) {registered} AND NOT EXISTS (
                   SELECT 1 FROM "Order" o WHERE o."CustomerId" = c."Id" AND {counted} AND o."CreatedOnUtc" >= @from)
                 """),
            ("Summer category tree >= 10,000", summer,
                $"""
                 {summerTree}
                 SELECT COUNT(*) {registered} AND c."Id" IN (
                   SELECT o."CustomerId" FROM "OrderItem" i JOIN "Order" o ON o."Id" = i."OrderId"
                   WHERE {counted} AND i."ProductId" IN (SELECT p."ProductId" FROM "Product_Category_Mapping" p WHERE p."CategoryId" IN (SELECT "Id" FROM tree))
                   GROUP BY o."CustomerId" HAVING SUM(i."PriceInclTax") >= 10000)
                 """),
        };
        if (purchaseTable)
            cases.Add(("Summer tree >= 10,000, hand SQL on the purchase table too", summer,
                $"""
                 {summerTree}
                 SELECT COUNT(*) {registered} AND c."Id" IN (
                   SELECT l."CustomerId" FROM "LoyaltyPurchaseLine" l
                   WHERE NOT l."Deleted" AND l."OrderStatusId" <> 40 AND l."ProductId" IN (SELECT p."ProductId" FROM "Product_Category_Mapping" p WHERE p."CategoryId" IN (SELECT "Id" FROM tree))
                   GROUP BY l."CustomerId" HAVING SUM(l."PriceInclTax") >= 10000)
                 """));

        Console.WriteLine();
        Console.WriteLine($"### Segment previews, {title} ({options.Customers:N0} customers, {options.Orders:N0} orders, median of {options.Reps})");
        Console.WriteLine();
        Console.WriteLine("| segment | compiled ms | hand SQL ms | ratio | compiled count | hand count |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var ok = true;
        foreach (var (name, root, sql) in cases)
        {
            var definition = new SegmentDefinition(root);
            int Compiled() => SegmentCompiler.Compile(definition, sources, context).Count();
            var handSql = options.Db == DatabaseKind.MariaDb ? ForMariaDb(sql) : sql;
            int Hand() => db.Execute<int>(handSql, new DataParameter("role", registeredRoleId), new DataParameter("from", yearAgo, DataType.DateTime2));

            if (options.PrintSql)
                Console.WriteLine($"-- {name}\n{SegmentCompiler.Compile(definition, sources, context).ToSqlQuery().Sql}\n");
            var compiledCount = Compiled();
            var handCount = Hand();
            var compiledMs = new List<double>();
            var handMs = new List<double>();
            for (var i = 0; i < options.Reps; i++)
            {
                // Alternate so that neither query always runs on the cache the other warmed.
                compiledMs.Add(Time(Compiled));
                handMs.Add(Time(Hand));
            }

            var (c, h) = (Median(compiledMs), Median(handMs));
            ok &= compiledCount == handCount;
            Console.WriteLine($"| {name} | {c:N1} | {h:N1} | {c / h:N2} | {compiledCount:N0} | {handCount:N0}{(compiledCount == handCount ? "" : " MISMATCH")} |");
        }
        return ok;
    }

    private static void Generate(DataConnection db, Options options)
    {
        TestDatabase.CreateSchema(db, pluginIndexes: false);
        var random = new Random(options.Seed);
        // MySqlConnector's bulk loader needs AllowLoadLocalInfile on the server and the connection; multi-row inserts do not.
        var copy = new BulkCopyOptions
        {
            BulkCopyType = options.Db == DatabaseKind.MariaDb ? BulkCopyType.MultipleRows : BulkCopyType.ProviderSpecific,
            KeepIdentity = true
        };
        var copyNewIds = copy with { KeepIdentity = false };
        var created = new DateTime(2020, 1, 1);

        db.BulkCopy(copy, new[]
        {
            new NopCustomerRole { Id = 1, Name = "Administrators", SystemName = "Administrators", Active = true },
            new NopCustomerRole { Id = 2, Name = "Registered", SystemName = NopStore.RegisteredRoleSystemName, Active = true },
            new NopCustomerRole { Id = 3, Name = "Guests", SystemName = "Guests", Active = true },
        });

        // 90% registered, then guests; a few registered accounts are deleted or inactive.
        var registeredCount = options.Customers * 9 / 10;
        var registrations = StoreShape.Registrations(options.Customers, created, NowUtc, random);
        // Orders per customer like a real store's (StoreShape), numbered in time order; registrations precede first orders.
        var (orderCustomers, orderTimes) = StoreShape.Orders(options.Orders, registrations, NowUtc, random);
        db.BulkCopy(copy, Enumerable.Range(1, options.Customers).Select(id => new NopCustomer
        {
            Id = id,
            CustomerGuid = new Guid(id, 0, 0, new byte[8]),
            Email = id <= registeredCount ? $"customer{id}@example.test" : null,
            Gender = (id % 3) switch { 0 => "M", 1 => "F", _ => null },
            DateOfBirth = random.Next(10) < 7 ? new DateTime(1950, 1, 1).AddDays(random.Next(365 * 55)) : null,
            CountryId = 1 + random.Next(20),
            Active = random.Next(100) != 0,
            Deleted = random.Next(100) == 0,
            CreatedOnUtc = registrations[id - 1],
            RegisteredInStoreId = 1
        }));
        db.BulkCopy(copy, Enumerable.Range(1, options.Customers).Select(id => new NopCustomerRoleMapping
        {
            Id = id, CustomerId = id, CustomerRoleId = id <= registeredCount ? 2 : 3
        }));

        // Below Summer and below each of the other top categories (12-31), one level of children.
        db.BulkCopy(copy, Enumerable.Range(1, Categories).Select(id => new NopCategory
        {
            Id = id,
            Name = id == SummerCategoryId ? "Summer" : $"Category {id}",
            ParentCategoryId = id switch { SummerCategoryId or (>= 12 and < 32) => 0, <= 1 + SummerSubcategories => SummerCategoryId, _ => 12 + id % 20 }
        }));
        db.BulkCopy(copyNewIds, Enumerable.Range(1, options.Products).SelectMany(p =>
            (p % 20 == 0 ? new[] { 2 + p % SummerSubcategories, 12 + p % (Categories - 11) } : [12 + p % (Categories - 11)])
            .Select(c => new NopProductCategory { ProductId = p, CategoryId = c })));

        db.BulkCopy(copyNewIds, Enumerable.Range(1, registeredCount).Where(_ => random.Next(10) < 4).Select(id => new NopNewsLetterSubscription
        {
            NewsLetterSubscriptionGuid = Guid.NewGuid(),
            Email = $"customer{id}@example.test",
            Active = random.Next(5) != 0,
            StoreId = 1,
            CreatedOnUtc = created
        }));


        // Lines first, remembering each order's total, so orders and lines agree without holding the lines.
        var totals = new decimal[options.Orders + 1];
        var itemId = 0;
        var itemRandom = new Random(options.Seed + 1);
        db.BulkCopy(copy, Enumerable.Range(1, options.Orders).SelectMany(orderId =>
        {
            var lines = 1 + itemRandom.Next(5);
            var items = new NopOrderItem[lines];
            for (var l = 0; l < lines; l++)
            {
                var quantity = 1 + itemRandom.Next(3);
                var price = (100 + itemRandom.Next(4_900)) * quantity;
                totals[orderId] += price;
                items[l] = new NopOrderItem
                {
                    Id = ++itemId, OrderItemGuid = Guid.Empty, OrderId = orderId, ProductId = 1 + itemRandom.Next(options.Products),
                    Quantity = quantity, PriceInclTax = price
                };
            }
            return items;
        }));

        db.BulkCopy(copy, Enumerable.Range(1, options.Orders).Select(orderId => new NopOrder
        {
            Id = orderId,
            OrderGuid = Guid.Empty,
            StoreId = 1,
            CustomerId = orderCustomers[orderId - 1],
            OrderStatusId = random.Next(100) switch { < 5 => 40, < 8 => 10, < 12 => 20, _ => 30 },
            PaymentStatusId = 30,
            OrderTotal = totals[orderId],
            Deleted = random.Next(100) < 2,
            CreatedOnUtc = orderTimes[orderId - 1]
        }));
    }

    private static void Timed(string step, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        Console.WriteLine($"  {step,-30} {watch.Elapsed.TotalSeconds,8:N1} s");
    }

    private static double Time(Func<int> query)
    {
        var watch = Stopwatch.StartNew();
        query();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Options Parse(string[] args)
    {
        var options = new Options(DatabaseKind.PostgreSql, null, 200_000, 2_000_000, 20_000, 5, 1, false, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} takes a positive whole number.\n{Usage}");

            options = args[i] switch
            {
                "--db" => options with
                {
                    Db = Value().ToLowerInvariant() switch
                    {
                        "postgres" or "postgresql" => DatabaseKind.PostgreSql,
                        "mariadb" or "mysql" => DatabaseKind.MariaDb,
                        var other => throw new ArgumentException($"Unsupported database {other}.\n{Usage}")
                    }
                },
                "--connection" => options with { Connection = Value() },
                "--customers" => options with { Customers = Number() },
                "--orders" => options with { Orders = Number() },
                "--products" => options with { Products = Number() },
                "--reps" => options with { Reps = Number() },
                "--seed" => options with { Seed = Number() },
                "--reuse" => options with { Reuse = true },
                "--plugin-indexes" => options with { PluginIndexes = true },
                "--sql" => options with { PrintSql = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}")
            };
        }
        return options;
    }
}
