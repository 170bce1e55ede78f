using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Tests.Segments;

public class SegmentValidatorTests
{
    internal static readonly SegmentCatalog Catalog = SegmentCatalog.Empty
        .With(SegmentEntity.Product, new Dictionary<int, string> { [1] = "T-shirt", [2] = "Sandals" })
        .With(SegmentEntity.Category, new Dictionary<int, string> { [7] = "Summer" })
        .With(SegmentEntity.CustomerRole, new Dictionary<int, string> { [6] = "VIP" })
        .With(SegmentEntity.Country, new Dictionary<int, string> { [81] = "Japan" })
        .With(SegmentEntity.StateProvince, new Dictionary<int, string> { [13] = "Tokyo" })
        .With(SegmentEntity.Store, new Dictionary<int, string> { [1] = "Main store", [2] = "Outlet" })
        .With(SegmentEntity.Tag, new Dictionary<int, string> { [4] = "Gold" });

    private static IReadOnlyList<ValidationError> Validate(SegmentNode root, IReadOnlyList<int>? statuses = null, IReadOnlyList<int>? stores = null) =>
        SegmentValidator.Validate(new SegmentDefinition(root, statuses, stores), Catalog);

    private static SegmentGroup All(params SegmentNode[] children) => new(GroupMatch.All, children);

    [Test]
    public void A_definition_using_every_condition_properly_is_valid()
    {
        Assert.That(SegmentValidator.Validate(SegmentJsonTests.Everything(), Catalog), Is.Empty);
    }

    [Test]
    public void Empty_groups_are_reported_where_they_are()
    {
        var errors = Validate(All(new OrderCountCondition(new IntRange(1)), new SegmentGroup(GroupMatch.Any, []) { Not = true }));

        Assert.That(errors, Is.EqualTo(new[] { new ValidationError("root.children[1]", ResourceKeys.SegmentGroupEmpty) }));
    }

    [Test]
    public void Groups_nest_five_levels_deep_and_no_deeper()
    {
        SegmentNode Nest(int levels) => levels == 0 ? new NewsletterCondition() : All(Nest(levels - 1));

        Assert.That(Validate(Nest(5)), Is.Empty);
        var errors = Validate(Nest(6));
        Assert.That(errors.Select(e => (e.Field, e.ResourceKey)), Is.EqualTo(new[]
        {
            ("root.children[0].children[0].children[0].children[0].children[0]", ResourceKeys.SegmentNestingTooDeep)
        }));
    }

    [Test]
    public void Ranges_must_be_given_non_negative_and_in_order()
    {
        var errors = Validate(All(
            new OrderCountCondition(new IntRange()),
            new OrderCountCondition(new IntRange(3, 1)),
            new OrderCountCondition(new IntRange(-1, 1)),
            new OrderAmountCondition(AmountBasis.Total, new DecimalRange(500m, 100m)),
            new PointsBalanceCondition(new IntRange(10, 5)),
            new PointsBalanceCondition(new IntRange(-50, 0))));

        Assert.That(errors.Select(e => (e.Field, e.ResourceKey)), Is.EqualTo(new[]
        {
            ("root.children[0].count", ResourceKeys.SegmentRangeRequired),
            ("root.children[1].count", ResourceKeys.SegmentRangeInverted),
            ("root.children[2].count", ResourceKeys.SegmentRangeNegative),
            ("root.children[3].amount", ResourceKeys.SegmentRangeInverted),
            ("root.children[4].balance", ResourceKeys.SegmentRangeInverted),
        }));
    }

    [Test]
    public void Windows_must_be_consistent()
    {
        var day = new DateOnly(2026, 11, 23);
        var errors = Validate(All(
            new OrderCountCondition(new IntRange(1), new DateWindow(day, day.AddDays(-1))),
            new OrderCountCondition(new IntRange(1), new DateWindow(day, Relative: RelativePeriod.ThisMonth)),
            new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.LastDays)),
            new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.LastDays, Days: 0)),
            new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.ThisYear, Days: 3)),
            new LastOrderDateCondition(new DateWindow()),
            new RegistrationDateCondition(new DateWindow(From: new DateOnly(1, 1, 1))),
            new OrderCountCondition(new IntRange(1), new DateWindow(day, day))));

        Assert.That(errors.Select(e => (e.Field, e.ResourceKey)), Is.EqualTo(new[]
        {
            ("root.children[0].window", ResourceKeys.SegmentWindowInverted),
            ("root.children[1].window", ResourceKeys.SegmentWindowConflict),
            ("root.children[2].window", ResourceKeys.SegmentWindowDaysOutOfRange),
            ("root.children[3].window", ResourceKeys.SegmentWindowDaysOutOfRange),
            ("root.children[4].window", ResourceKeys.SegmentWindowConflict),
            ("root.children[5].window", ResourceKeys.SegmentWindowRequired),
            ("root.children[6].window", ResourceKeys.SegmentWindowDateOutOfRange),
        }));
    }

    [Test]
    public void Unknown_ids_are_reported_with_the_id()
    {
        var errors = Validate(All(
            new PurchasedCondition(PurchaseScope.Products, ListMatch.Any, [1, 99]),
            new PurchaseAmountCondition(PurchaseScope.Categories, [8], new DecimalRange(1m)),
            new CustomerRoleCondition([6, 42]),
            new CountryCondition([1]),
            new StateProvinceCondition([2]),
            new RegisteredStoreCondition([3]),
            new NewsletterCondition(4),
            new PointsBalanceCondition(new IntRange(1), 5)));

        Assert.That(errors, Is.EqualTo(new[]
        {
            new ValidationError("root.children[0].ids", ResourceKeys.SegmentUnknownProduct, 99),
            new ValidationError("root.children[1].ids", ResourceKeys.SegmentUnknownCategory, 8),
            new ValidationError("root.children[2].roleIds", ResourceKeys.SegmentUnknownRole, 42),
            new ValidationError("root.children[3].countryIds", ResourceKeys.SegmentUnknownCountry, 1),
            new ValidationError("root.children[4].stateProvinceIds", ResourceKeys.SegmentUnknownStateProvince, 2),
            new ValidationError("root.children[5].storeIds", ResourceKeys.SegmentUnknownStore, 3),
            new ValidationError("root.children[6].storeId", ResourceKeys.SegmentUnknownStore, 4),
            new ValidationError("root.children[7].storeId", ResourceKeys.SegmentUnknownStore, 5),
        }).Using<ValidationError>((a, b) => a.Field == b.Field && a.ResourceKey == b.ResourceKey && a.Arguments.SequenceEqual(b.Arguments)));
    }

    [Test]
    public void Empty_lists_are_reported()
    {
        var errors = Validate(All(
            new PurchasedCondition(PurchaseScope.Products, ListMatch.All, []),
            new GenderCondition([]),
            new CountryCondition([]),
            new CustomerRoleCondition([])), statuses: [], stores: []);

        Assert.That(errors.Select(e => (e.Field, e.ResourceKey)), Is.EqualTo(new[]
        {
            ("orderStatusIds", ResourceKeys.SegmentListEmpty),
            ("orderStoreIds", ResourceKeys.SegmentListEmpty),
            ("root.children[0].ids", ResourceKeys.SegmentListEmpty),
            ("root.children[1].genders", ResourceKeys.SegmentListEmpty),
            ("root.children[2].countryIds", ResourceKeys.SegmentListEmpty),
            ("root.children[3].roleIds", ResourceKeys.SegmentListEmpty),
        }));
    }

    [Test]
    public void Birthdays_and_statuses_must_exist()
    {
        var errors = Validate(All(
            new BirthdayCondition(BirthdayPeriod.Month, Month: 13),
            new BirthdayCondition(BirthdayPeriod.Month),
            new BirthdayCondition(BirthdayPeriod.Days, From: new MonthDay(2, 29), To: new MonthDay(4, 31)),
            new BirthdayCondition(BirthdayPeriod.Days, From: new MonthDay(2, 30)),
            new GenderCondition([" "])), statuses: [30, 50], stores: [1, 9]);

        Assert.That(errors.Select(e => (e.Field, e.ResourceKey)), Is.EqualTo(new[]
        {
            ("orderStatusIds", ResourceKeys.SegmentOrderStatusUnknown),
            ("orderStoreIds", ResourceKeys.SegmentUnknownStore),
            ("root.children[0].month", ResourceKeys.SegmentBirthdayMonthInvalid),
            ("root.children[1].month", ResourceKeys.SegmentBirthdayMonthInvalid),
            ("root.children[2].to", ResourceKeys.SegmentBirthdayDayInvalid),
            ("root.children[3].from", ResourceKeys.SegmentBirthdayDayInvalid),
            ("root.children[3].to", ResourceKeys.SegmentBirthdayDayInvalid),
            ("root.children[4].genders", ResourceKeys.SegmentGenderInvalid),
        }));
    }
}
