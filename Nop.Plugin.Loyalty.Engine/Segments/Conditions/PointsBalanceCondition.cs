namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>
/// Customers whose reward points balance lies in <paramref name="Balance"/>: the PointsBalance of their latest
/// active ledger entry (by activation, then id), zero without one; in <paramref name="StoreId"/> only when given.
/// </summary>
public sealed record PointsBalanceCondition(IntRange Balance, int? StoreId = null) : SegmentNode;
