using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;

namespace Nop.Plugin.Loyalty.Tests.Segments.Support;

/// <summary>Seeded random definitions over the values a <see cref="RandomStore"/> uses, valid or not.</summary>
public sealed class RandomSegments(int seed, DateOnly[] boundaryDays)
{
    private readonly Random _random = new(seed);

    public SegmentDefinition Next()
    {
        IReadOnlyList<int>? statuses = _random.Next(6) switch
        {
            0 => [30],
            1 => [10, 20, 30, 40],
            2 when _random.Next(4) == 0 => [],
            _ => null
        };
        // Orders come from stores 1 and 2 (RandomStore); store 3 has none.
        IReadOnlyList<int>? stores = _random.Next(5) switch
        {
            0 => [1],
            1 => [2, 3],
            _ => null
        };
        return new SegmentDefinition(Node(0), statuses, stores);
    }

    private SegmentNode Node(int depth)
    {
        var node = depth < 3 && _random.NextDouble() < (depth == 0 ? 0.8 : 0.3) ? Group(depth) : Condition();
        return _random.NextDouble() < 0.25 ? node with { Not = true } : node;
    }

    private SegmentNode Group(int depth)
    {
        var count = _random.Next(10) == 0 ? 0 : _random.Next(1, 4);
        return new SegmentGroup(_random.Next(2) == 0 ? GroupMatch.All : GroupMatch.Any,
            Enumerable.Range(0, count).Select(_ => Node(depth + 1)).ToList());
    }

    private SegmentNode Condition() => _random.Next(15) switch
    {
        0 => new AllRegisteredCondition(),
        1 => new OrderCountCondition(Counts(), Window()),
        2 => new OrderAmountCondition(_random.Next(2) == 0 ? AmountBasis.Total : AmountBasis.AnySingleOrder, Amounts(), Window()),
        3 => Purchased(),
        4 => PurchaseAmount(),
        5 => new LastOrderDateCondition(Window() ?? new DateWindow(To: Day())),
        6 => Birthday(),
        7 => new GenderCondition(new[] { "M", "F" }.Where(_ => _random.Next(2) == 0).ToList()),
        8 => new CountryCondition(Ids(4, 0)),
        9 => new StateProvinceCondition(Ids(5, 0)),
        10 => new RegistrationDateCondition(Window() ?? new DateWindow(From: Day())),
        11 => new NewsletterCondition(_random.Next(3) == 0 ? 1 + _random.Next(2) : null),
        12 => new CustomerRoleCondition(Pick([1, 4, 5, 6, 7])),
        13 => new RegisteredStoreCondition(Pick([1, 2, 3])),
        _ => new PointsBalanceCondition(new IntRange(Maybe(-10, 0, 1, 100, 250), Maybe(-10, 0, 1, 100, 250)),
            _random.Next(3) == 0 ? 1 : null)
    };

    private PurchasedCondition Purchased()
    {
        var scope = Scope();
        var match = _random.Next(2) == 0 ? ListMatch.Any : ListMatch.All;
        return new PurchasedCondition(scope, match, Ids(scope == PurchaseScope.Products ? RandomStore.ProductCount : RandomStore.CategoryCount, 1),
            Window(), _random.Next(2) == 0);
    }

    private PurchaseAmountCondition PurchaseAmount()
    {
        var scope = Scope();
        return new PurchaseAmountCondition(scope, Ids(scope == PurchaseScope.Products ? RandomStore.ProductCount : RandomStore.CategoryCount, 1),
            Amounts(), Window(), _random.Next(2) == 0);
    }

    private BirthdayCondition Birthday()
    {
        MonthDay[] days = [new(2, 28), new(2, 29), new(3, 1), new(12, 31), new(1, 1), new(11, 30), new(12, 1), new(6, 15), new(2, 1)];
        return _random.Next(3) switch
        {
            0 => new BirthdayCondition(BirthdayPeriod.Month, Month: 1 + _random.Next(12)),
            1 => new BirthdayCondition(BirthdayPeriod.CurrentMonth),
            _ => new BirthdayCondition(BirthdayPeriod.Days, From: days[_random.Next(days.Length)], To: days[_random.Next(days.Length)])
        };
    }

    private PurchaseScope Scope() => _random.Next(2) == 0 ? PurchaseScope.Products : PurchaseScope.Categories;

    private IntRange Counts() => new(Maybe(0, 1, 2, 3), Maybe(0, 1, 2, 4));

    private DecimalRange Amounts()
    {
        decimal?[] bounds = [null, 0m, 100m, 500.25m, 1000m, 2500m];
        return new DecimalRange(bounds[_random.Next(bounds.Length)], bounds[_random.Next(bounds.Length)]);
    }

    private DateWindow? Window() => _random.Next(8) switch
    {
        0 or 1 => null,
        2 => new DateWindow(Day(), Day()),
        3 => new DateWindow(From: Day()),
        4 => new DateWindow(To: Day()),
        5 => new DateWindow(Relative: RelativePeriod.LastDays, Days: new[] { 1, 7, 30, 365 }[_random.Next(4)]),
        _ => new DateWindow(Relative: new[] { RelativePeriod.ThisMonth, RelativePeriod.LastMonth, RelativePeriod.ThisYear }[_random.Next(3)])
    };

    private DateOnly Day() => boundaryDays[_random.Next(boundaryDays.Length)];

    private int? Maybe(params int[] values) => _random.Next(values.Length + 1) is var i && i == values.Length ? null : values[i];

    private List<int> Ids(int max, int min) => Enumerable.Range(min, max - min + 1).Where(_ => _random.NextDouble() < 0.3).ToList();

    private List<int> Pick(int[] values) => values.Where(_ => _random.NextDouble() < 0.4).ToList();
}
