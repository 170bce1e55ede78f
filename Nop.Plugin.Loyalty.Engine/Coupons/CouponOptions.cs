namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>How the coupon steps run on a store.</summary>
/// <param name="StoreZone">The store's time zone: validity days end at its midnight.</param>
/// <param name="ChunkSize">Customers per distribution chunk: one transaction, a few statements each.</param>
public sealed record CouponOptions(TimeZoneInfo StoreZone, int ChunkSize = CouponOptions.DefaultChunkSize)
{
    public const int MaxChunkSize = 10_000;
    public const int DefaultChunkSize = 5_000;

    /// <summary>How long a runner holds a distribution without reporting progress before another process may take it over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The chunk size within its range.</summary>
    public int Chunk => Math.Clamp(ChunkSize, 1, MaxChunkSize);
}
