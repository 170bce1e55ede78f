using Nop.Plugin.Loyalty.Engine.Segments.Conditions;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Japanese wording of segment descriptions.</summary>
internal sealed class JapanesePhrases(ISegmentCatalog catalog) : SegmentPhrases(catalog)
{
    public override string AllRegistered => "すべての登録会員";
    public override string Sentence(string clause) => $"次の条件に合う登録会員: {clause}";
    protected override string And => " かつ ";
    protected override string Or => " または ";
    protected override string Negate(string clause) => $"「{clause}」ではない";
    protected override string EmptyAll => "登録会員";
    protected override string EmptyAny => "該当なし";
    protected override string ListSeparator => "、";
    public override string CountingOrdersOf(string sentence, IReadOnlyList<int>? statusIds, IReadOnlyList<int>? storeIds)
    {
        var parts = new List<string>();
        if (statusIds is not null)
            parts.Add($"ステータスが{string.Join("・", statusIds.Select(Status))}");
        if (storeIds is not null)
            parts.Add($"ストアが{Names(SegmentEntity.Store, storeIds)}");
        return $"{sentence}（対象の注文: {string.Join("、", parts)}）";
    }

    private static string Status(int id) => id switch
    {
        OrderStatuses.Pending => "保留中",
        OrderStatuses.Processing => "処理中",
        OrderStatuses.Complete => "完了",
        OrderStatuses.Cancelled => "キャンセル",
        _ => $"#{id}"
    };

    protected override string Condition(SegmentNode node) => node switch
    {
        AllRegisteredCondition => "登録会員",
        OrderCountCondition c => Prefix(c.Window, OrderCount(c.Count, c.Window)),
        OrderAmountCondition { Basis: AmountBasis.Total } c => Prefix(c.Window, $"注文合計が{Range(c.Amount)}"),
        OrderAmountCondition c => Prefix(c.Window, $"{Range(c.Amount)}の注文あり"),
        PurchasedCondition c => Prefix(c.Window, $"{Scope(c.Scope, c.Ids)}の{(c.Match == ListMatch.All ? "すべて" : "いずれか")}を購入"),
        PurchaseAmountCondition c => Prefix(c.Window, $"{Scope(c.Scope, c.Ids)}の購入額が{Range(c.Amount)}"),
        LastOrderDateCondition c => $"最終注文日が{Window(c.Window)}",
        BirthdayCondition c => Birthday(c),
        GenderCondition c => $"性別が{string.Join(ListSeparator, c.Genders.Select(Gender))}",
        CountryCondition c => $"国が{Names(SegmentEntity.Country, c.CountryIds)}",
        StateProvinceCondition c => $"都道府県・州が{Names(SegmentEntity.StateProvince, c.StateProvinceIds)}",
        RegistrationDateCondition c => $"登録日が{Window(c.Window)}",
        NewsletterCondition { StoreId: { } store } => $"ニュースレター購読者（{Name(SegmentEntity.Store, store)}）",
        NewsletterCondition => "ニュースレター購読者",
        CustomerRoleCondition c => $"顧客ロールが{Names(SegmentEntity.CustomerRole, c.RoleIds)}",
        RegisteredStoreCondition c => $"登録ストアが{Names(SegmentEntity.Store, c.StoreIds)}",
        PointsBalanceCondition { StoreId: { } store } c => $"ポイント残高（{Name(SegmentEntity.Store, store)}）が{Range(c.Balance)}",
        PointsBalanceCondition c => $"ポイント残高が{Range(c.Balance)}",
        _ => node.GetType().Name
    };

    private static string OrderCount(IntRange count, DateWindow? window)
    {
        var (min, max) = (count.Min ?? 0, count.Max);
        if (min == 1 && max is null)
            return "注文あり";
        if (min == 0 && max == 0)
            return "注文なし";
        if (max is null)
            return $"注文が{min}回以上";
        if (min == 0)
            return $"注文が{max}回以下";
        return min == max ? $"注文がちょうど{min}回" : $"注文が{min}〜{max}回";
    }

    private string Scope(PurchaseScope scope, IReadOnlyList<int> ids) => scope == PurchaseScope.Products
        ? $"商品（{Names(SegmentEntity.Product, ids)}）"
        : $"カテゴリー（{Names(SegmentEntity.Category, ids)}）";

    private static string Range(IntRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => $"{a}",
        { Min: { } a, Max: { } b } => $"{a}〜{b}",
        { Min: { } a } => $"{a}以上",
        { Max: { } b } => $"{b}以下",
        _ => "任意"
    };

    private static string Range(DecimalRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => Money(a),
        { Min: { } a, Max: { } b } => $"{Money(a)}〜{Money(b)}",
        { Min: { } a } => $"{Money(a)}以上",
        { Max: { } b } => $"{Money(b)}以下",
        _ => "任意"
    };

    private static string Prefix(DateWindow? window, string text) =>
        window is null || window.IsAllTime ? text : $"{Window(window)}に{text}";

    private static string Window(DateWindow w) => w switch
    {
        { Relative: RelativePeriod.LastDays } => $"過去{w.Days}日間",
        { Relative: RelativePeriod.ThisMonth } => "今月",
        { Relative: RelativePeriod.LastMonth } => "先月",
        { Relative: RelativePeriod.ThisYear } => "今年",
        { From: { } a, To: { } b } => $"{Day(a)}〜{Day(b)}",
        { From: { } a } => $"{Day(a)}以降",
        { To: { } b } => $"{Day(b)}以前",
        _ => "全期間"
    };

    private static string Birthday(BirthdayCondition c) => c.Period switch
    {
        BirthdayPeriod.CurrentMonth => "誕生月が今月",
        BirthdayPeriod.Month when c.Month is >= 1 and <= 12 => $"誕生月が{c.Month}月",
        BirthdayPeriod.Days when c.From is { } f && c.To is { } t => $"誕生日が{f.Month}月{f.Day}日〜{t.Month}月{t.Day}日",
        _ => "誕生日の条件が不正"
    };

    private static string Gender(string g) => g switch { "M" => "男性", "F" => "女性", _ => g };
}
