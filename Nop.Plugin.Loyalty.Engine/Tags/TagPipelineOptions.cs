namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>How the member tag steps run on a store.</summary>
/// <param name="TimeZone">The store's time zone: rules' calendar windows ("this month") are read in it.</param>
/// <param name="ChunkSize">Customer ids per chunk: one transaction, one insert and one delete at most.</param>
public sealed record TagPipelineOptions(TimeZoneInfo TimeZone, int ChunkSize = TagPipelineOptions.DefaultChunkSize)
{
    public const int DefaultChunkSize = 5_000;
    public const int MaxChunkSize = 10_000;

    /// <summary>The chunk size within its range.</summary>
    public int Chunk => Math.Clamp(ChunkSize, 1, MaxChunkSize);
}
