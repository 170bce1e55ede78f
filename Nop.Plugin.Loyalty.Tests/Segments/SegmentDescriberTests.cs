using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Tests.Segments;

public class SegmentDescriberTests
{
    private static readonly DateWindow LastYear = new(new DateOnly(2025, 11, 23), new DateOnly(2026, 11, 23));

    private static string En(SegmentNode root) => SegmentDescriber.Describe(new SegmentDefinition(root), TargetLanguage.English, SegmentValidatorTests.Catalog);
    private static string Ja(SegmentNode root) => SegmentDescriber.Describe(new SegmentDefinition(root), TargetLanguage.Japanese, SegmentValidatorTests.Catalog);

    private static readonly SegmentNode BoughtOnceNotLately = new SegmentGroup(GroupMatch.All,
    [
        new OrderCountCondition(new IntRange(1, 1)),
        new OrderCountCondition(new IntRange(1), LastYear) { Not = true },
    ]);

    [Test]
    public void Describes_the_issue_example_in_english()
    {
        Assert.That(En(BoughtOnceNotLately),
            Is.EqualTo("Customers who ordered exactly once AND NOT ordered between 2025-11-23 and 2026-11-23"));
    }

    [Test]
    public void Describes_the_issue_example_in_japanese()
    {
        Assert.That(Ja(BoughtOnceNotLately),
            Is.EqualTo("次の条件に合う登録会員: 注文がちょうど1回 かつ 「2025-11-23〜2026-11-23に注文あり」ではない"));
    }

    [Test]
    public void Nested_groups_are_parenthesized_and_names_come_from_the_catalog()
    {
        var root = new SegmentGroup(GroupMatch.Any,
        [
            new BirthdayCondition(BirthdayPeriod.CurrentMonth),
            new SegmentGroup(GroupMatch.All,
            [
                new PurchaseAmountCondition(PurchaseScope.Categories, [7, 8], new DecimalRange(10_000m), new DateWindow(Relative: RelativePeriod.ThisYear)),
                new CustomerRoleCondition([6]),
            ]) { Not = true },
        ]);

        Assert.That(En(root), Is.EqualTo(
            "Customers who have a birthday this month OR NOT (spent 10000 or more on categories Summer, #8 this year AND are in role VIP)"));
        Assert.That(Ja(root), Is.EqualTo(
            "次の条件に合う登録会員: 誕生月が今月 または 「(今年にカテゴリー（Summer、#8）の購入額が10000以上 かつ 顧客ロールがVIP)」ではない"));
    }

    [Test]
    public void Describes_every_condition_in_english()
    {
        var text = SegmentDescriber.Describe(SegmentJsonTests.Everything(), TargetLanguage.English, SegmentValidatorTests.Catalog);

        Assert.That(text, Is.EqualTo(
            "Customers who are registered AND ordered exactly once AND NOT ordered in the last 365 days"
            + " AND spent 10000 or more in total between 2026-01-01 and 2026-12-31 AND placed an order of 99.99 or less"
            + " AND bought all of products T-shirt, Sandals AND spent 10000 or more on categories Summer this year"
            + " AND last ordered on or before 2025-11-23"
            + " AND NOT (have a birthday this month OR have a birthday in February OR have a birthday between Dec 20 and Jan 10)"
            + " AND are female AND live in Japan AND live in Tokyo AND registered last month AND subscribe to the newsletter"
            + " AND subscribe to the newsletter of Outlet AND are in role VIP AND registered in Main store"
            + " AND have a points balance of 100 to 500 in Main store (counting only orders with status Complete in Outlet)"));
    }

    [Test]
    public void Describes_every_condition_in_japanese()
    {
        var text = SegmentDescriber.Describe(SegmentJsonTests.Everything(), TargetLanguage.Japanese, SegmentValidatorTests.Catalog);

        Assert.That(text, Is.EqualTo(
            "次の条件に合う登録会員: 登録会員 かつ 注文がちょうど1回 かつ 「過去365日間に注文あり」ではない"
            + " かつ 2026-01-01〜2026-12-31に注文合計が10000以上 かつ 99.99以下の注文あり"
            + " かつ 商品（T-shirt、Sandals）のすべてを購入 かつ 今年にカテゴリー（Summer）の購入額が10000以上"
            + " かつ 最終注文日が2025-11-23以前"
            + " かつ 「(誕生月が今月 または 誕生月が2月 または 誕生日が12月20日〜1月10日)」ではない"
            + " かつ 性別が女性 かつ 国がJapan かつ 都道府県・州がTokyo かつ 登録日が先月 かつ ニュースレター購読者"
            + " かつ ニュースレター購読者（Outlet） かつ 顧客ロールがVIP かつ 登録ストアがMain store"
            + " かつ ポイント残高（Main store）が100〜500（対象の注文: ステータスが完了、ストアがOutlet）"));
    }

    [TestCase(new[] { 10, 20 }, null, " (counting only orders with status Pending or Processing)", "（対象の注文: ステータスが保留中・処理中）")]
    [TestCase(null, new[] { 1, 2 }, " (counting only orders in Main store, Outlet)", "（対象の注文: ストアがMain store、Outlet）")]
    [TestCase(new[] { 40, 50 }, new[] { 7 }, " (counting only orders with status Cancelled or #50 in #7)", "（対象の注文: ステータスがキャンセル・#50、ストアが#7）")]
    public void Says_which_orders_count_when_not_the_default(int[]? statuses, int[]? stores, string english, string japanese)
    {
        var definition = new SegmentDefinition(new OrderCountCondition(new IntRange(1)), statuses, stores);

        Assert.That(SegmentDescriber.Describe(definition, TargetLanguage.English, SegmentValidatorTests.Catalog),
            Is.EqualTo("Customers who ordered at least once" + english));
        Assert.That(SegmentDescriber.Describe(definition, TargetLanguage.Japanese, SegmentValidatorTests.Catalog),
            Does.EndWith(japanese));
    }

    [TestCase(GroupMatch.All, false, "All registered customers", "すべての登録会員")]
    [TestCase(GroupMatch.Any, false, "Customers who match no condition", "次の条件に合う登録会員: 該当なし")]
    [TestCase(GroupMatch.All, true, "Customers who NOT are registered", "次の条件に合う登録会員: 「登録会員」ではない")]
    public void Empty_groups_read_as_what_they_select(GroupMatch match, bool not, string english, string japanese)
    {
        var root = new SegmentGroup(match, []) { Not = not };

        Assert.That(En(root), Is.EqualTo(english));
        Assert.That(Ja(root), Is.EqualTo(japanese));
    }

    [TestCase(0, 0, "never ordered", "注文なし")]
    [TestCase(2, null, "ordered at least twice", "注文が2回以上")]
    [TestCase(0, 3, "ordered at most 3 times", "注文が3回以下")]
    [TestCase(2, 5, "ordered 2 to 5 times", "注文が2〜5回")]
    [TestCase(1, null, "ordered at least once", "注文あり")]
    public void Order_counts_read_naturally(int min, int? max, string english, string japanese)
    {
        var condition = new OrderCountCondition(new IntRange(min, max));

        Assert.That(En(condition), Is.EqualTo("Customers who " + english));
        Assert.That(Ja(condition), Is.EqualTo("次の条件に合う登録会員: " + japanese));
    }

    [Test]
    public void Categories_with_their_subcategories_say_so()
    {
        var condition = new PurchasedCondition(PurchaseScope.Categories, ListMatch.Any, [7], IncludeSubcategories: true);

        Assert.That(En(condition), Is.EqualTo("Customers who bought any of categories Summer including subcategories"));
        Assert.That(Ja(condition), Is.EqualTo("次の条件に合う登録会員: カテゴリー（Summer、サブカテゴリーを含む）のいずれかを購入"));
        Assert.That(En(condition with { IncludeSubcategories = false }), Is.EqualTo("Customers who bought any of categories Summer"));
    }

    [Test]
    public void A_saved_segment_target_is_named()
    {
        var target = new SegmentTarget(new SegmentDefinition(new BirthdayCondition(BirthdayPeriod.CurrentMonth)),
            new SegmentContext(TimeZoneInfo.Utc, new DateTime(2026, 11, 23)), SegmentValidatorTests.Catalog, "Birthday month");

        Assert.That(target.Describe(TargetLanguage.English), Is.EqualTo("Segment \"Birthday month\": Customers who have a birthday this month"));
        Assert.That(target.Describe(TargetLanguage.Japanese), Is.EqualTo("セグメント「Birthday month」: 次の条件に合う登録会員: 誕生月が今月"));
    }
}
