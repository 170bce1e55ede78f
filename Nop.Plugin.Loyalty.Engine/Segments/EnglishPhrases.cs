using Nop.Plugin.Loyalty.Engine.Segments.Conditions;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>English wording of segment descriptions.</summary>
internal sealed class EnglishPhrases(ISegmentCatalog catalog) : SegmentPhrases(catalog)
{
    public override string AllRegistered => "All registered customers";
    public override string Sentence(string clause) => $"Customers who {clause}";
    protected override string And => " AND ";
    protected override string Or => " OR ";
    protected override string Negate(string clause) => $"NOT {clause}";
    protected override string EmptyAll => "are registered";
    protected override string EmptyAny => "match no condition";
    internal override string ListSeparator => ", ";
    public override string CountingOrdersOf(string sentence, IReadOnlyList<int>? statusIds, IReadOnlyList<int>? storeIds)
    {
        var statuses = statusIds is null ? "" : $" with status {string.Join(" or ", statusIds.Select(Status))}";
        var stores = storeIds is null ? "" : $" in {Names(SegmentEntity.Store, storeIds)}";
        return $"{sentence} (counting only orders{statuses}{stores})";
    }

    private static string Status(int id) => id switch
    {
        OrderStatuses.Pending => "Pending",
        OrderStatuses.Processing => "Processing",
        OrderStatuses.Complete => "Complete",
        OrderStatuses.Cancelled => "Cancelled",
        _ => $"#{id}"
    };

    protected override string Describe(SegmentCondition condition) => condition.Describe(this);

    internal string Scope(PurchaseScope scope, IReadOnlyList<int> ids, bool includeSubcategories) => scope == PurchaseScope.Products
        ? $"products {Names(SegmentEntity.Product, ids)}"
        : $"categories {Names(SegmentEntity.Category, ids)}{(includeSubcategories ? " including subcategories" : "")}";

    internal static string Range(IntRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => $"{a}",
        { Min: { } a, Max: { } b } => $"{a} to {b}",
        { Min: { } a } => $"{a} or more",
        { Max: { } b } => $"{b} or less",
        _ => "any amount"
    };

    internal static string Range(DecimalRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => Money(a),
        { Min: { } a, Max: { } b } => $"{Money(a)} to {Money(b)}",
        { Min: { } a } => $"{Money(a)} or more",
        { Max: { } b } => $"{Money(b)} or less",
        _ => "any amount"
    };

    internal static string Suffix(string text, DateWindow? window) =>
        window is null || window.IsAllTime ? text : $"{text} {Window(window)}";

    internal static string Window(DateWindow w) => w switch
    {
        { Relative: RelativePeriod.LastDays } => $"in the last {w.Days} days",
        { Relative: RelativePeriod.ThisMonth } => "this month",
        { Relative: RelativePeriod.LastMonth } => "last month",
        { Relative: RelativePeriod.ThisYear } => "this year",
        { From: { } a, To: { } b } => $"between {Day(a)} and {Day(b)}",
        { From: { } a } => $"on or after {Day(a)}",
        { To: { } b } => $"on or before {Day(b)}",
        _ => "at any time"
    };
}
