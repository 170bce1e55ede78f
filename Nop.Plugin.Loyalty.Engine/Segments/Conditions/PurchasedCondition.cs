namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>What a purchase condition's ids name.</summary>
public enum PurchaseScope
{
    Products,
    Categories
}

/// <summary>Whether any or all of a list must match; any of an empty list is nobody, all of it is everybody.</summary>
public enum ListMatch
{
    Any,
    All
}

/// <summary>Customers who bought any (or all) of the listed products or categories in counted orders in the window.</summary>
public sealed record PurchasedCondition(PurchaseScope Scope, ListMatch Match, IReadOnlyList<int> Ids, DateWindow? Window = null) : SegmentNode;
