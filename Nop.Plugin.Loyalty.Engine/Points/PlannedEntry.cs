namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>A ledger entry to insert, shaped like nopCommerce's RewardPointsHistory row.</summary>
/// <param name="PointsBalance">Running balance after the entry; null while the entry is not yet active, as nopCommerce does.</param>
/// <param name="ValidPoints">Unspent points of a positive entry; null for a negative one.</param>
/// <param name="RetiresLotId">For an expiry or revoke entry, the lot whose points it takes out.</param>
/// <param name="UsedAmount">For a redemption, the order amount the points paid.</param>
/// <param name="UsedWithOrder">For a redemption, the order's GUID.</param>
public sealed record PlannedEntry(
    int CustomerId,
    int StoreId,
    int Points,
    int? PointsBalance,
    DateTime CreatedOnUtc,
    DateTime? EndDateUtc,
    int? ValidPoints,
    string Message,
    int? RetiresLotId = null,
    decimal UsedAmount = 0,
    Guid? UsedWithOrder = null);
