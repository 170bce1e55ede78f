namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Points taken back from one recipient.</summary>
public sealed record RevokedPoints(int CustomerId, int LotEntryId, int Points);

/// <summary>One lot's expiry: the points it took out of the customer's balance (zero when the balance was already zero).</summary>
public sealed record ExpiredLot(int CustomerId, int LotEntryId, int Points);

/// <summary>One purged special lot: its entry and its expiry entry were deleted from the ledger.</summary>
public sealed record PurgedLot(int GrantId, int CustomerId, int LotEntryId);
