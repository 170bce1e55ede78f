using System.Globalization;
using Nop.Plugin.Loyalty.Testing;

namespace Nop.Plugin.Loyalty.Bench;

/// <summary>Command-line options: which scenario, on which database, at what size.</summary>
public sealed record BenchOptions(
    string Scenario,
    DatabaseKind Database,
    string? ConnectionString,
    int Customers,
    int NaiveCustomers,
    int Lots,
    int ChunkSize,
    int Seed,
    int ExportRows,
    int RevokeCycles = 1)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Nop.Plugin.Loyalty.Bench -- [scenario] [options]
          scenario            points (default); "spend" times only the in-memory spend allocation
                              (no database, uses --lots and --seed); "exports" times the recipients and segment
                              CSV exports (uses --db, --rows, --chunk, --seed); "segments" runs the segment preview
                              scenario, whose options it lists itself (segments --help); "coupons" issues a coupon
                              to every registered customer and times a 500-copy wallet (uses --db, --customers, --chunk)
          --db KIND           sqlite (default, in memory) | postgres | mariadb
          --connection STR    connection string (defaults: see Nop.Plugin.Loyalty.Testing/TestDatabase.cs)
          --customers N       customers in the generated store (default 100000)
          --naive N           customers granted one at a time for the per-customer baseline (default 10000)
          --lots N            lots held by the customer whose spend is timed (default 10000)
          --chunk N           customers per chunk of the bulk grant (default 5000, as the plugin's setting)
          --seed N            seed of the generated store (default 1)
          --rows N            exports: registered customers, each a recipient and in the segment (default 200000)
          --revokes N         points: grants to everyone registered, each revoked at once, timed in turn (default 1);
                              the revoke-all/grant ratio printed is the median of the N pairs
        """;

    /// <summary>Reads the options; throws <see cref="ArgumentException"/> with the usage text on bad input.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions("points", DatabaseKind.Sqlite, null, 100_000, 10_000, 10_000, 5000, 1, 200_000);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} takes a positive whole number.\n{Usage}");

            options = args[i] switch
            {
                "--db" => options with { Database = ParseKind(Value()) },
                "--connection" => options with { ConnectionString = Value() },
                "--customers" => options with { Customers = Number() },
                "--naive" => options with { NaiveCustomers = Number() },
                "--lots" => options with { Lots = Number() },
                "--chunk" => options with { ChunkSize = Number() },
                "--seed" => options with { Seed = Number() },
                "--rows" => options with { ExportRows = Number() },
                "--revokes" => options with { RevokeCycles = Number() },
                "-h" or "--help" => throw new ArgumentException(Usage),
                var s when !s.StartsWith('-') => options with { Scenario = s },
                var s => throw new ArgumentException($"Unknown option {s}.\n{Usage}")
            };
        }

        return options;
    }

    private static DatabaseKind ParseKind(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseKind.Sqlite,
        "postgres" or "postgresql" => DatabaseKind.PostgreSql,
        "mariadb" or "mysql" => DatabaseKind.MariaDb,
        _ => throw new ArgumentException($"Unknown database {value}.\n{Usage}")
    };
}
