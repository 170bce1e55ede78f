using Nop.Plugin.Loyalty.Bench;
using Nop.Plugin.Loyalty.Bench.Coupons;
using Nop.Plugin.Loyalty.Bench.Exports;
using Nop.Plugin.Loyalty.Bench.Points;
using Nop.Plugin.Loyalty.Bench.PurchaseTable;
using Nop.Plugin.Loyalty.Bench.Segments;
using Nop.Plugin.Loyalty.Bench.Tags;

// The segments scenario reads its own options (store size, database, indexes).
if (args.Length > 0 && args[0] == "segments")
    return SegmentPreviewScenario.Run(args[1..]);
if (args.Length > 0 && args[0] == "purchase-table")
    return PurchaseTableScenario.Run(args[1..]);
if (args.Length > 0 && args[0] == "tags")
    return TagsScenario.Run(args[1..]);

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

return options.Scenario switch
{
    "points" => SpecialPointsScenario.Run(options),
    "spend" => SpecialPointsScenario.RunSpend(options),
    "exports" => ExportsScenario.Run(options),
    "coupons" => CouponsScenario.Run(options),
    _ => Fail($"Unknown scenario {options.Scenario}.\n{BenchOptions.Usage}")
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
