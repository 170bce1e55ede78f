namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Points taken out of a customer's balance in one ledger entry.</summary>
/// <param name="Points">How many points (positive).</param>
/// <param name="ForOrder">
/// A redemption at checkout: it must be covered by spendable points. Otherwise a deduction the store makes whatever is
/// available (points taken back on cancellation, an admin's correction): the lots give what they hold, as nopCommerce does.
/// </param>
public sealed record PointsSpend(int CustomerId, int StoreId, int Points, string Message, bool ForOrder,
    decimal UsedAmount = 0, Guid? UsedWithOrder = null);
