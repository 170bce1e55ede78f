using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Tests.Describing;

namespace Nop.Plugin.Loyalty.Tests.Segments;

/// <summary>Descriptions as the engine builds them, written with the plugin's shipped English and Japanese resources.</summary>
public class SegmentDescriberTests
{
    private static readonly DateWindow LastYear = new(new DateOnly(2025, 11, 23), new DateOnly(2026, 11, 23));

    private static string En(SegmentNode root) => En(new SegmentDefinition(root));
    private static string Ja(SegmentNode root) => Ja(new SegmentDefinition(root));
    private static string En(SegmentDefinition definition) => ResourceTexts.English.Render(SegmentDescriber.Describe(definition));
    private static string Ja(SegmentDefinition definition) => ResourceTexts.Japanese.Render(SegmentDescriber.Describe(definition));

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
        var text = En(SegmentJsonTests.Everything());

        Assert.That(text, Is.EqualTo(
            "Customers who are registered AND ordered exactly once AND NOT ordered in the last 365 days"
            + " AND spent 10000 or more in total between 2026-01-01 and 2026-12-31 AND placed an order of 99.99 or less"
            + " AND bought all of products T-shirt, Sandals AND spent 10000 or more on categories Summer this year"
            + " AND last ordered on or before 2025-11-23"
            + " AND NOT (have a birthday this month OR have a birthday in February OR have a birthday between Dec 20 and Jan 10)"
            + " AND are female AND live in Japan AND live in Tokyo AND registered last month AND subscribe to the newsletter"
            + " AND subscribe to the newsletter of Outlet AND are in role VIP AND have tag Gold AND registered in Main store"
            + " AND have a points balance of 100 to 500 in Main store (counting only orders with status Complete in Outlet)"));
    }

    [Test]
    public void Describes_every_condition_in_japanese()
    {
        var text = Ja(SegmentJsonTests.Everything());

        Assert.That(text, Is.EqualTo(
            "次の条件に合う登録会員: 登録会員 かつ 注文がちょうど1回 かつ 「過去365日間に注文あり」ではない"
            + " かつ 2026-01-01〜2026-12-31に注文合計が10000以上 かつ 99.99以下の注文あり"
            + " かつ 商品（T-shirt、Sandals）のすべてを購入 かつ 今年にカテゴリー（Summer）の購入額が10000以上"
            + " かつ 最終注文日が2025-11-23以前"
            + " かつ 「(誕生月が今月 または 誕生月が2月 または 誕生日が12月20日〜1月10日)」ではない"
            + " かつ 性別が女性 かつ 国がJapan かつ 都道府県・州がTokyo かつ 登録日が先月 かつ ニュースレター購読者"
            + " かつ ニュースレター購読者（Outlet） かつ 顧客ロールがVIP かつ タグがGold かつ 登録ストアがMain store"
            + " かつ ポイント残高（Main store）が100〜500（対象の注文: ステータスが完了、ストアがOutlet）"));
    }

    [TestCase(new[] { 10, 20 }, null, " (counting only orders with status Pending or Processing)", "（対象の注文: ステータスが保留中・処理中）")]
    [TestCase(null, new[] { 1, 2 }, " (counting only orders in Main store, Outlet)", "（対象の注文: ストアがMain store、Outlet）")]
    [TestCase(new[] { 40, 50 }, new[] { 7 }, " (counting only orders with status Cancelled or #50 in #7)", "（対象の注文: ステータスがキャンセル・#50、ストアが#7）")]
    public void Says_which_orders_count_when_not_the_default(int[]? statuses, int[]? stores, string english, string japanese)
    {
        var definition = new SegmentDefinition(new OrderCountCondition(new IntRange(1)), statuses, stores);

        Assert.That(En(definition), Is.EqualTo("Customers who ordered at least once" + english));
        Assert.That(Ja(definition), Is.EqualTo("次の条件に合う登録会員: 注文あり" + japanese));
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
    [TestCase(2, null, "ordered at least 2 times", "注文が2回以上")]
    [TestCase(0, 1, "ordered at most once", "注文が1回以下")]
    [TestCase(3, 3, "ordered exactly 3 times", "注文がちょうど3回")]
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
            new SegmentContext(TimeZoneInfo.Utc, new DateTime(2026, 11, 23)), "Birthday month");

        Assert.That(ResourceTexts.English.Render(target.Describe()), Is.EqualTo("Segment \"Birthday month\": Customers who have a birthday this month"));
        Assert.That(ResourceTexts.Japanese.Render(target.Describe()), Is.EqualTo("セグメント「Birthday month」: 次の条件に合う登録会員: 誕生月が今月"));
    }

    [Test]
    public void A_description_holds_ids_and_values_not_words()
    {
        var phrase = SegmentDescriber.Describe(new SegmentDefinition(
            new PurchaseAmountCondition(PurchaseScope.Products, [1, 99], new DecimalRange(5_000m), new DateWindow(new DateOnly(2026, 1, 1))),
            [OrderStatuses.Complete]));

        var values = phrase.Descendants().ToList();

        Assert.That(phrase.Key, Is.EqualTo(PhraseKeys.CountingOrdersStatuses));
        Assert.That(values.OfType<PhraseName>(), Is.EqualTo(new[] { new PhraseName(SegmentEntity.Product, 1), new PhraseName(SegmentEntity.Product, 99) }));
        Assert.That(values.OfType<PhraseMoney>().Single().Amount, Is.EqualTo(5_000m));
        Assert.That(values.OfType<PhraseDate>().Single().Day, Is.EqualTo(new DateOnly(2026, 1, 1)));
        Assert.That(values.OfType<PhraseOrderStatus>().Single().StatusId, Is.EqualTo(OrderStatuses.Complete));
        Assert.That(values.OfType<PhraseText>(), Is.Empty, "no text in any language");
    }
}
