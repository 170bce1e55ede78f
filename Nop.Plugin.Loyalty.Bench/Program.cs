using Nop.Plugin.Loyalty.Bench;
using Nop.Plugin.Loyalty.Bench.Points;

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
    _ => Fail($"Unknown scenario {options.Scenario}.\n{BenchOptions.Usage}")
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
