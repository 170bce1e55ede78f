using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Testing.Ports;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The engine's special points pipeline over a linq2db connection: the code the store runs, on a test store.</summary>
public static class TestPipeline
{
    public static SpecialPointsPipeline Create(DataConnection db, TimeProvider clock, PipelineOptions? options = null,
        RecordingObserver? observer = null) =>
        new(new LinqLoyaltyData(db), new LinqLoyaltyWriter(db), observer ?? new RecordingObserver(), new PlainLedgerTexts(),
            clock, options ?? new PipelineOptions());
}
