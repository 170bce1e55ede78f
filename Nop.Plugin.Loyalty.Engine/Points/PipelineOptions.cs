namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>How the special points steps run on a store.</summary>
/// <param name="ChunkSize">Customers per chunk: one transaction, a few statements each.</param>
/// <param name="PointsPerStore">Whether balances are kept per store (nopCommerce's PointsAccumulatedForAllStores off).</param>
public sealed record PipelineOptions(int ChunkSize = PipelineOptions.DefaultChunkSize, bool PointsPerStore = false)
{
    public const int MinChunkSize = 1;
    public const int MaxChunkSize = 10_000;
    public const int DefaultChunkSize = 5_000;

    /// <summary>How long a runner holds a grant without reporting progress before another process may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The chunk size within its range.</summary>
    public int Chunk => Math.Clamp(ChunkSize, MinChunkSize, MaxChunkSize);

    /// <summary>The store a balance is kept for: the store when points are per store, null otherwise.</summary>
    public int? BalanceStore(int storeId) => PointsPerStore && storeId > 0 ? storeId : null;
}
