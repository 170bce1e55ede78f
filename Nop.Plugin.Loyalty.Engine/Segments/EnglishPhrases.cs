using System.Globalization;
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
    protected override string ListSeparator => ", ";
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

    protected override string Condition(SegmentNode node) => node switch
    {
        AllRegisteredCondition => "are registered",
        OrderCountCondition c => Suffix(OrderCount(c.Count, c.Window), c.Window),
        OrderAmountCondition { Basis: AmountBasis.Total } c => Suffix($"spent {Range(c.Amount)} in total", c.Window),
        OrderAmountCondition c => Suffix($"placed an order of {Range(c.Amount)}", c.Window),
        PurchasedCondition c => Suffix($"bought {(c.Match == ListMatch.All ? "all" : "any")} of {Scope(c.Scope, c.Ids)}", c.Window),
        PurchaseAmountCondition c => Suffix($"spent {Range(c.Amount)} on {Scope(c.Scope, c.Ids)}", c.Window),
        LastOrderDateCondition c => $"last ordered {Window(c.Window)}",
        BirthdayCondition c => Birthday(c),
        GenderCondition c => $"are {string.Join(" or ", c.Genders.Select(Gender))}",
        CountryCondition c => $"live in {Names(SegmentEntity.Country, c.CountryIds)}",
        StateProvinceCondition c => $"live in {Names(SegmentEntity.StateProvince, c.StateProvinceIds)}",
        RegistrationDateCondition c => $"registered {Window(c.Window)}",
        NewsletterCondition { StoreId: { } store } => $"subscribe to the newsletter of {Name(SegmentEntity.Store, store)}",
        NewsletterCondition => "subscribe to the newsletter",
        CustomerRoleCondition c => $"are in role {Names(SegmentEntity.CustomerRole, c.RoleIds)}",
        RegisteredStoreCondition c => $"registered in {Names(SegmentEntity.Store, c.StoreIds)}",
        PointsBalanceCondition { StoreId: { } store } c => $"have a points balance of {Range(c.Balance)} in {Name(SegmentEntity.Store, store)}",
        PointsBalanceCondition c => $"have a points balance of {Range(c.Balance)}",
        _ => node.GetType().Name
    };

    private static string OrderCount(IntRange count, DateWindow? window)
    {
        var (min, max) = (count.Min ?? 0, count.Max);
        if (min == 1 && max is null)
            return window is null || window.IsAllTime ? "ordered at least once" : "ordered";
        if (min == 0 && max == 0)
            return "never ordered";
        if (max is null)
            return $"ordered at least {Times(min)}";
        if (min == 0)
            return $"ordered at most {Times(max.Value)}";
        return min == max ? $"ordered exactly {Times(min)}" : $"ordered {min} to {max} times";
    }

    private static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => $"{n} times" };

    private string Scope(PurchaseScope scope, IReadOnlyList<int> ids) => scope == PurchaseScope.Products
        ? $"products {Names(SegmentEntity.Product, ids)}"
        : $"categories {Names(SegmentEntity.Category, ids)}";

    private static string Range(IntRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => $"{a}",
        { Min: { } a, Max: { } b } => $"{a} to {b}",
        { Min: { } a } => $"{a} or more",
        { Max: { } b } => $"{b} or less",
        _ => "any amount"
    };

    private static string Range(DecimalRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => Money(a),
        { Min: { } a, Max: { } b } => $"{Money(a)} to {Money(b)}",
        { Min: { } a } => $"{Money(a)} or more",
        { Max: { } b } => $"{Money(b)} or less",
        _ => "any amount"
    };

    private static string Suffix(string text, DateWindow? window) =>
        window is null || window.IsAllTime ? text : $"{text} {Window(window)}";

    private static string Window(DateWindow w) => w switch
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

    private static string Birthday(BirthdayCondition c) => c.Period switch
    {
        BirthdayPeriod.CurrentMonth => "have a birthday this month",
        BirthdayPeriod.Month when c.Month is >= 1 and <= 12 =>
            $"have a birthday in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(c.Month.Value)}",
        BirthdayPeriod.Days when c.From is { } f && c.To is { } t => $"have a birthday between {MonthDayText(f)} and {MonthDayText(t)}",
        _ => "have an invalid birthday condition"
    };

    private static string MonthDayText(MonthDay d) => d.Month is >= 1 and <= 12
        ? $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)} {d.Day}"
        : d.ToString();

    private static string Gender(string g) => g switch { "M" => "male", "F" => "female", _ => $"gender {g}" };
}
