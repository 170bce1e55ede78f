namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>
/// Customers whose spend on the listed products or categories in the window lies in <paramref name="Amount"/>:
/// the sum of PriceInclTax (the line total) of order lines whose product is listed or is in a listed category,
/// each line counted once, in counted orders (zero without such lines).
/// </summary>
public sealed record PurchaseAmountCondition(PurchaseScope Scope, IReadOnlyList<int> Ids, DecimalRange Amount, DateWindow? Window = null) : SegmentNode;
