using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing.Ports;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The engine's special points pipeline over a linq2db connection: the code the store runs, on a test store.</summary>
public static class TestPipeline
{
    public static SpecialPointsPipeline Create(DataConnection db, TimeProvider clock, PipelineOptions? options = null,
        RecordingObserver? observer = null) =>
        new(new LinqLoyaltyData(db), new LinqLoyaltyWriter(db), observer ?? new RecordingObserver(), new PlainLedgerTexts(),
            clock, options ?? new PipelineOptions());

    /// <summary>The engine's member tag pipeline over a linq2db connection.</summary>
    public static MemberTagPipeline Tags(DataConnection db, TimeProvider clock, TimeZoneInfo timeZone, int chunkSize = TagPipelineOptions.DefaultChunkSize,
        RecordingTagObserver? observer = null, ITagStore? store = null) =>
        new(store ?? new LinqTagStore(db), observer ?? new RecordingTagObserver(), clock, new TagPipelineOptions(timeZone, chunkSize));
}
