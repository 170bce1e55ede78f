namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Points granted to one customer in one ledger entry, with what is left of them.</summary>
/// <param name="Id">The ledger entry that granted the points.</param>
/// <param name="Points">Points originally granted.</param>
/// <param name="Remaining">Points not yet spent, expired or revoked.</param>
/// <param name="ActivatesOnUtc">When the points become usable (nopCommerce's CreatedOnUtc).</param>
/// <param name="ExpiresOnUtc">When the points stop being usable; null for points that never expire.</param>
/// <param name="IsSpecial">Whether the lot comes from a special (campaign) grant.</param>
public readonly record struct PointLot(
    int Id,
    int Points,
    int Remaining,
    DateTime ActivatesOnUtc,
    DateTime? ExpiresOnUtc,
    bool IsSpecial = false)
{
    /// <summary>Expired once its expiry instant has been reached.</summary>
    public bool IsExpiredAt(DateTime nowUtc) => ExpiresOnUtc is { } expires && expires <= nowUtc;

    /// <summary>Usable: activated, not expired, something left.</summary>
    public bool IsSpendableAt(DateTime nowUtc) => Remaining > 0 && ActivatesOnUtc <= nowUtc && !IsExpiredAt(nowUtc);

    /// <summary>Due for expiry: expired with something left.</summary>
    public bool IsDueForExpiryAt(DateTime nowUtc) => Remaining > 0 && IsExpiredAt(nowUtc);
}
