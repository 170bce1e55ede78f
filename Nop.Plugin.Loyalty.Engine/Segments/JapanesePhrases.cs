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
    internal override string ListSeparator => "、";
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

    protected override string Describe(SegmentCondition condition) => condition.Describe(this);

    internal string Scope(PurchaseScope scope, IReadOnlyList<int> ids, bool includeSubcategories) => scope == PurchaseScope.Products
        ? $"商品（{Names(SegmentEntity.Product, ids)}）"
        : $"カテゴリー（{Names(SegmentEntity.Category, ids)}{(includeSubcategories ? "、サブカテゴリーを含む" : "")}）";

    internal static string Range(IntRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => $"{a}",
        { Min: { } a, Max: { } b } => $"{a}〜{b}",
        { Min: { } a } => $"{a}以上",
        { Max: { } b } => $"{b}以下",
        _ => "任意"
    };

    internal static string Range(DecimalRange r) => r switch
    {
        { Min: { } a, Max: { } b } when a == b => Money(a),
        { Min: { } a, Max: { } b } => $"{Money(a)}〜{Money(b)}",
        { Min: { } a } => $"{Money(a)}以上",
        { Max: { } b } => $"{Money(b)}以下",
        _ => "任意"
    };

    internal static string Prefix(DateWindow? window, string text) =>
        window is null || window.IsAllTime ? text : $"{Window(window)}に{text}";

    internal static string Window(DateWindow w) => w switch
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
}
