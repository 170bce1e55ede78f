namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Points taken out of one lot by a spend, expiry or revoke.</summary>
/// <param name="LotId">The ledger entry of the lot.</param>
/// <param name="Points">Points taken (zero when nothing was left to take).</param>
/// <param name="RemainingAfter">What is left of the lot afterwards.</param>
public readonly record struct LotDraw(int LotId, int Points, int RemainingAfter);
