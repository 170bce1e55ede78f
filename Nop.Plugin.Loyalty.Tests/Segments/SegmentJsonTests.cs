using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;

namespace Nop.Plugin.Loyalty.Tests.Segments;

public class SegmentJsonTests
{
    /// <summary>A definition using every node type and option, so a round trip covers the whole format.</summary>
    internal static SegmentDefinition Everything() => new(
        new SegmentGroup(GroupMatch.All,
        [
            new AllRegisteredCondition(),
            new OrderCountCondition(new IntRange(1, 1)),
            new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.LastDays, Days: 365)) { Not = true },
            new OrderAmountCondition(AmountBasis.Total, new DecimalRange(10_000m), new DateWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))),
            new OrderAmountCondition(AmountBasis.AnySingleOrder, new DecimalRange(null, 99.99m)),
            new PurchasedCondition(PurchaseScope.Products, ListMatch.All, [1, 2]),
            new PurchaseAmountCondition(PurchaseScope.Categories, [7], new DecimalRange(10_000m), new DateWindow(Relative: RelativePeriod.ThisYear)),
            new LastOrderDateCondition(new DateWindow(To: new DateOnly(2025, 11, 23))),
            new SegmentGroup(GroupMatch.Any,
            [
                new BirthdayCondition(BirthdayPeriod.CurrentMonth),
                new BirthdayCondition(BirthdayPeriod.Month, Month: 2),
                new BirthdayCondition(BirthdayPeriod.Days, From: new MonthDay(12, 20), To: new MonthDay(1, 10)),
            ]) { Not = true },
            new GenderCondition(["F"]),
            new CountryCondition([81]),
            new StateProvinceCondition([13]),
            new RegistrationDateCondition(new DateWindow(Relative: RelativePeriod.LastMonth)),
            new NewsletterCondition(),
            new NewsletterCondition(2),
            new CustomerRoleCondition([6]),
            new TagCondition([4]),
            new RegisteredStoreCondition([1]),
            new PointsBalanceCondition(new IntRange(100, 500), 1),
        ]),
        [OrderStatuses.Complete],
        [2]);

    [Test]
    public void Every_node_type_survives_a_round_trip()
    {
        var json = SegmentJson.Serialize(Everything());

        var again = SegmentJson.Serialize(SegmentJson.Parse(json));

        Assert.That(again, Is.EqualTo(json));
        Assert.That(json, Does.StartWith("{\"version\":1,\"root\":{\"type\":\"group\""));
    }

    [Test]
    public void Not_false_is_left_out_and_read_back_as_false()
    {
        var json = SegmentJson.Serialize(new SegmentDefinition(new NewsletterCondition()));

        Assert.That(json, Is.EqualTo("{\"version\":1,\"root\":{\"type\":\"newsletter\"}}"));
        Assert.That(SegmentJson.Parse(json).Root.Not, Is.False);
    }

    [Test]
    public void Category_conditions_saved_before_subcategories_read_as_the_listed_categories_only_and_new_ones_include_them()
    {
        var oldPurchased = SegmentJson.Parse("{\"version\":1,\"root\":{\"type\":\"purchased\",\"scope\":\"categories\",\"match\":\"any\",\"ids\":[7]}}");
        var oldSpend = SegmentJson.Parse("{\"version\":1,\"root\":{\"type\":\"purchaseAmount\",\"scope\":\"categories\",\"ids\":[7],\"amount\":{\"min\":1}}}");
        var saved = SegmentJson.Serialize(new SegmentDefinition(
            new PurchaseAmountCondition(PurchaseScope.Categories, [7], new DecimalRange(1m), IncludeSubcategories: true)));

        Assert.That(((PurchasedCondition)oldPurchased.Root).IncludeSubcategories, Is.False);
        Assert.That(((PurchaseAmountCondition)oldSpend.Root).IncludeSubcategories, Is.False);
        Assert.That(((PurchaseAmountCondition)SegmentJson.Parse(saved).Root).IncludeSubcategories, Is.True);
        Assert.That(ConditionCatalog.All.Where(k => k.Type is "purchased" or "purchaseAmount").Select(k => k.StartJson),
            Has.All.Contains("\"includeSubcategories\":true"));
    }

    [Test]
    public void Properties_may_come_in_any_order()
    {
        var definition = SegmentJson.Parse("{\"root\":{\"count\":{\"min\":1,\"max\":1},\"not\":true,\"type\":\"orderCount\"},\"version\":1}");

        Assert.That(definition.Root, Is.EqualTo(new OrderCountCondition(new IntRange(1, 1)) { Not = true }));
    }

    [TestCase("{\"version\":2,\"root\":{\"type\":\"allRegistered\"}}", 2)]
    [TestCase("{\"version\":0,\"root\":{\"type\":\"allRegistered\"}}", 0)]
    public void Unknown_versions_are_rejected(string json, int version)
    {
        var e = Assert.Throws<LoyaltyRuleException>(() => SegmentJson.Parse(json));

        Assert.That(e!.ResourceKey, Is.EqualTo(ResourceKeys.SegmentVersionUnsupported));
        Assert.That(e.Arguments, Is.EqualTo(new object[] { version }));
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{\"root\":{\"type\":\"allRegistered\"}}")]
    [TestCase("{\"version\":\"1\",\"root\":{\"type\":\"allRegistered\"}}")]
    [TestCase("{\"version\":1}")]
    [TestCase("{\"version\":1,\"root\":null}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"sprinkles\"}}")]
    [TestCase("{\"version\":1,\"root\":{\"count\":{\"min\":1}}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"orderCount\"}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"orderCount\",\"count\":{\"min\":1},\"colour\":\"red\"}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[null]}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"most\",\"children\":[]}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":0,\"children\":[]}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"country\",\"countryIds\":null}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"gender\",\"genders\":[null]}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"registrationDate\",\"window\":{\"from\":\"2026-13-01\"}}}")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"allRegistered\"}} trailing")]
    public void Malformed_json_is_rejected(string json)
    {
        var e = Assert.Throws<LoyaltyRuleException>(() => SegmentJson.Parse(json));

        Assert.That(e!.ResourceKey, Is.EqualTo(ResourceKeys.SegmentMalformed));
    }

    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"most\",\"children\":[]}}", "$.root.match (1:")]
    [TestCase("{\"version\":1,\n\"root\":{\"type\":\"orderCount\",\"count\":{\"min\":\"one\"}}}", "$.root.count.min (2:")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[null]}}", "$.root")]
    [TestCase("{\"root\":{}}", "$.version")]
    public void A_malformed_definition_says_where_not_what_the_parser_said(string json, string location)
    {
        var e = Assert.Throws<LoyaltyRuleException>(() => SegmentJson.Parse(json));

        Assert.That(e!.Arguments, Has.Length.EqualTo(1));
        Assert.That((string)e.Arguments[0], Does.StartWith(location));
    }

    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[{\"type\":\"orderCount\",\"count\":{\"min\":\"one\"}}]}}", "root.children[0].count.min")]
    [TestCase("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"most\",\"children\":[]}}", "root.match")]
    [TestCase("{\"version\":1,\"root\":", "json")]
    [TestCase("{\"root\":{}}", "json")]
    public void A_malformed_place_inside_the_tree_is_the_errors_field(string json, string field)
    {
        Assert.That(SegmentJson.TryParse(json, out _, out var error), Is.False);

        Assert.That(error!.Field, Is.EqualTo(field));
    }

    [Test]
    public void Nesting_beyond_what_json_reading_allows_is_malformed_not_a_crash()
    {
        var json = "{\"version\":1,\"root\":" + string.Concat(Enumerable.Repeat("{\"type\":\"group\",\"match\":\"all\",\"children\":[", 100))
                   + string.Concat(Enumerable.Repeat("]}", 100)) + "}";

        var e = Assert.Throws<LoyaltyRuleException>(() => SegmentJson.Parse(json));

        Assert.That(e!.ResourceKey, Is.EqualTo(ResourceKeys.SegmentMalformed));
    }

    [Test]
    public void TryParse_returns_the_error_instead_of_throwing()
    {
        var ok = SegmentJson.TryParse("{\"version\":9,\"root\":{}}", out var definition, out var error);

        Assert.That(ok, Is.False);
        Assert.That(definition, Is.Null);
        Assert.That(error!.ResourceKey, Is.EqualTo(ResourceKeys.SegmentVersionUnsupported));
    }
}
