namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>What one chunk of a run adds to its grant.</summary>
/// <param name="LastCustomerId">The new checkpoint, or null to keep it.</param>
/// <param name="Granted">Recipients granted by the chunk.</param>
/// <param name="NowUtc">When the chunk finished.</param>
/// <param name="LeaseUntilUtc">The runner's renewed lease.</param>
/// <param name="Revoked">Recipients revoked by the chunk (a revoke-all run).</param>
public sealed record GrantProgress(int? LastCustomerId, int Granted, DateTime NowUtc, DateTime LeaseUntilUtc, int Revoked = 0);
