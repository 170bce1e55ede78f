using System.Diagnostics;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Tests.Infrastructure;
using Nop.Plugin.Loyalty.Tests.Segments.Support;

namespace Nop.Plugin.Loyalty.Tests.Segments;

/// <summary>Hand-picked cases of the compiler's semantics, on every database.</summary>
public sealed class SegmentCompilerTests(DatabaseKind kind) : DatabaseFixture(kind)
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    // NUnit keeps one fixture instance for all its tests.
    private StoreData _data = new();

    [SetUp]
    public void NewStore() => _data = new StoreData();

    private static int CategoryTrees(SegmentNode node) => node switch
    {
        SegmentGroup group => group.Children.Sum(CategoryTrees),
        // "bought all of" has a tree per listed category
        PurchasedCondition { Scope: PurchaseScope.Categories, IncludeSubcategories: true } bought => bought.Match == ListMatch.All ? bought.Ids.Count : 1,
        PurchaseAmountCondition { Scope: PurchaseScope.Categories, IncludeSubcategories: true } => 1,
        _ => 0
    };

    private int[] Run(SegmentNode root, TimeZoneInfo? zone = null, DateTime? nowUtc = null, IReadOnlyList<int>? statuses = null)
    {
        _data.Insert(Db);
        var commands = 0;
        var (trace, traceSwitch) = (Db.OnTraceConnection, Db.TraceSwitchConnection);
        Db.OnTraceConnection = info =>
        {
            if (info.TraceInfoStep == TraceInfoStep.BeforeExecute)
                commands++;
        };
        Db.TraceSwitchConnection = new TraceSwitch("segments", "segments", "Info");
        try
        {
            var ids = SegmentCompiler.Compile(new SegmentDefinition(root, statuses), NopStore.Sources(Db), new SegmentContext(zone ?? Tokyo, nowUtc ?? Now))
                .ToList();
            // NopStore.Sources reads the registered role id first, and a category tree is read before the segment's
            // query (see CategoryTree); the segment itself must be one statement.
            Assert.That(commands, Is.EqualTo(2 + CategoryTrees(root)), "statements executed");
            return ids.Order().ToArray();
        }
        finally
        {
            (Db.OnTraceConnection, Db.TraceSwitchConnection) = (trace, traceSwitch);
        }
    }

    private void Reinsert() => TestDatabase.CreateSchema(Db);

    private (int Registered, int Guest, int Deleted, int Inactive, int System) Population()
    {
        var registered = _data.Customer().Id;
        var guest = _data.Customer(registered: false).Id;
        var deleted = _data.Customer(configure: c => c.Deleted = true).Id;
        var inactive = _data.Customer(configure: c => c.Active = false).Id;
        var system = _data.Customer(configure: c => c.IsSystemAccount = true).Id;
        return (registered, guest, deleted, inactive, system);
    }

    [Test]
    public void Guests_deleted_inactive_and_system_accounts_are_never_selected()
    {
        var p = Population();
        SegmentNode[] everyone =
        [
            new AllRegisteredCondition(),
            new SegmentGroup(GroupMatch.Any, []) { Not = true },
            new OrderCountCondition(new IntRange(1)) { Not = true },
            new OrderCountCondition(new IntRange(0, 0)),
        ];

        foreach (var root in everyone)
        {
            Reinsert();
            Assert.That(Run(root), Is.EqualTo(new[] { p.Registered }), SegmentJson.Serialize(new SegmentDefinition(root)));
        }
    }

    [TestCase(GroupMatch.All, false, true)]
    [TestCase(GroupMatch.Any, false, false)]
    [TestCase(GroupMatch.All, true, false)]
    [TestCase(GroupMatch.Any, true, true)]
    public void Empty_all_selects_everyone_registered_and_empty_any_nobody(GroupMatch match, bool not, bool everyone)
    {
        var p = Population();

        Assert.That(Run(new SegmentGroup(match, []) { Not = not }), Is.EqualTo(everyone ? new[] { p.Registered } : []));
    }

    [TestCase(1, int.MaxValue, true)]
    [TestCase(3, int.MaxValue, false)]
    [TestCase(int.MaxValue - 1, int.MaxValue, false)]
    [TestCase(0, 2, true)]
    [TestCase(2, 3, true)]
    [TestCase(3, 4, false)]
    public void Order_count_ranges_hold_up_to_the_largest_bounds(int min, int max, bool selected)
    {
        var twice = _data.Customer().Id;
        _data.Order(twice, Now.AddDays(-3));
        _data.Order(twice, Now.AddDays(-2));

        Assert.That(Run(new OrderCountCondition(new IntRange(min, max))), Is.EqualTo(selected ? new[] { twice } : []));
    }

    [Test]
    public void A_window_runs_from_local_midnight_to_local_midnight_in_the_store_time_zone()
    {
        // Tokyo is UTC+9: 1 November starts at 31 October 15:00 UTC, 30 November ends at 30 November 15:00 UTC.
        var justBefore = _data.Customer().Id;
        var firstInstant = _data.Customer().Id;
        var lastSecond = _data.Customer().Id;
        var justAfter = _data.Customer().Id;
        _data.Order(justBefore, new DateTime(2026, 10, 31, 14, 59, 59));
        _data.Order(firstInstant, new DateTime(2026, 10, 31, 15, 0, 0));
        _data.Order(lastSecond, new DateTime(2026, 11, 30, 14, 59, 59));
        _data.Order(justAfter, new DateTime(2026, 11, 30, 15, 0, 0));

        var november = new DateWindow(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.That(Run(new OrderCountCondition(new IntRange(1), november)), Is.EqualTo(new[] { firstInstant, lastSecond }));
    }

    [Test]
    public void This_month_is_the_store_month_even_when_utc_is_still_in_the_previous_one()
    {
        var october = _data.Customer().Id;
        var november = _data.Customer().Id;
        _data.Order(october, new DateTime(2026, 10, 31, 14, 0, 0));
        _data.Order(november, new DateTime(2026, 10, 31, 16, 0, 0));

        // 31 October 16:00 UTC is already 1 November 01:00 in Tokyo.
        var ids = Run(new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.ThisMonth)),
            nowUtc: new DateTime(2026, 10, 31, 16, 30, 0, DateTimeKind.Utc));

        Assert.That(ids, Is.EqualTo(new[] { november }));
    }

    [Test]
    public void Last_days_include_today_in_the_store_time_zone()
    {
        var eightDaysAgo = _data.Customer().Id;
        var sixDaysAgo = _data.Customer().Id;
        // Now is 23 November 12:00 in Tokyo; the last 7 days are 17 to 23 November local.
        _data.Order(eightDaysAgo, new DateTime(2026, 11, 16, 14, 59, 59));
        _data.Order(sixDaysAgo, new DateTime(2026, 11, 16, 15, 0, 0));

        Assert.That(Run(new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.LastDays, Days: 7))),
            Is.EqualTo(new[] { sixDaysAgo }));
    }

    [TestCase(2026, 2, 28, 2, 28, true)]
    [TestCase(2026, 3, 1, 3, 1, false)]
    [TestCase(2026, 2, 29, 2, 29, false)]
    [TestCase(2028, 2, 28, 2, 28, false)]
    [TestCase(2028, 2, 29, 2, 29, true)]
    [TestCase(2028, 3, 1, 3, 1, false)]
    public void A_29_February_birthday_counts_as_28_February_outside_leap_years(int year, int fromMonth, int fromDay, int toMonth, int toDay, bool selected)
    {
        var leapling = _data.Customer(configure: c => c.DateOfBirth = new DateTime(2000, 2, 29)).Id;
        var window = new BirthdayCondition(BirthdayPeriod.Days, From: new MonthDay(fromMonth, fromDay), To: new MonthDay(toMonth, toDay));

        var ids = Run(window, nowUtc: new DateTime(year, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.That(ids, Is.EqualTo(selected ? new[] { leapling } : []));
    }

    [Test]
    public void A_29_February_birthday_is_in_February_every_year()
    {
        var leapling = _data.Customer(configure: c => c.DateOfBirth = new DateTime(2000, 2, 29)).Id;
        _data.Customer(configure: c => c.DateOfBirth = new DateTime(2000, 3, 1));

        Assert.That(Run(new BirthdayCondition(BirthdayPeriod.Month, Month: 2)), Is.EqualTo(new[] { leapling }));
    }

    [Test]
    public void Birthday_windows_wrap_over_new_year_and_this_month_uses_the_store_day()
    {
        var newYearsEve = _data.Customer(configure: c => c.DateOfBirth = new DateTime(1980, 12, 31)).Id;
        var newYear = _data.Customer(configure: c => c.DateOfBirth = new DateTime(1980, 1, 1)).Id;
        _data.Customer(configure: c => c.DateOfBirth = new DateTime(1980, 6, 15));
        _data.Customer(configure: c => c.DateOfBirth = null);

        Assert.That(Run(new BirthdayCondition(BirthdayPeriod.Days, From: new MonthDay(12, 20), To: new MonthDay(1, 10))),
            Is.EqualTo(new[] { newYearsEve, newYear }));
        Reinsert();
        // 31 December 15:00 UTC is 1 January in Tokyo.
        Assert.That(Run(new BirthdayCondition(BirthdayPeriod.CurrentMonth), nowUtc: new DateTime(2026, 12, 31, 15, 0, 0, DateTimeKind.Utc)),
            Is.EqualTo(new[] { newYear }));
    }

    [Test]
    public void Deleted_and_cancelled_orders_do_not_count_unless_statuses_say_so()
    {
        var once = _data.Customer().Id;
        var withDeleted = _data.Customer().Id;
        var withCancelled = _data.Customer().Id;
        var never = _data.Customer().Id;
        _data.Order(once, Now.AddDays(-3));
        _data.Order(withDeleted, Now.AddDays(-3));
        _data.Order(withDeleted, Now.AddDays(-2), deleted: true);
        _data.Order(withCancelled, Now.AddDays(-3));
        _data.Order(withCancelled, Now.AddDays(-2), status: OrderStatuses.Cancelled);

        var exactlyOnce = new OrderCountCondition(new IntRange(1, 1));
        Assert.That(Run(exactlyOnce), Is.EqualTo(new[] { once, withDeleted, withCancelled }));
        Reinsert();
        Assert.That(Run(exactlyOnce, statuses: OrderStatuses.All), Is.EqualTo(new[] { once, withDeleted }));
        Reinsert();
        // The builder offers CountedByDefault as "no choice made": naming it must select what naming none does.
        Assert.That(Run(exactlyOnce, statuses: OrderStatuses.CountedByDefault), Is.EqualTo(new[] { once, withDeleted, withCancelled }));
        Reinsert();
        Assert.That(Run(new OrderCountCondition(new IntRange(1)) { Not = true }), Is.EqualTo(new[] { never }));
    }

    [Test]
    public void Bought_once_and_never_again_and_no_order_in_the_last_year()
    {
        var loyal = _data.Customer().Id;
        var oneOff = _data.Customer().Id;
        var lapsed = _data.Customer().Id;
        var never = _data.Customer().Id;
        _data.Order(loyal, Now.AddDays(-400));
        _data.Order(loyal, Now.AddDays(-10));
        _data.Order(oneOff, Now.AddDays(-20));
        _data.Order(lapsed, Now.AddDays(-500));

        Assert.That(Run(new OrderCountCondition(new IntRange(1, 1))), Is.EqualTo(new[] { oneOff, lapsed }));
        Reinsert();
        Assert.That(Run(new OrderCountCondition(new IntRange(1), new DateWindow(Relative: RelativePeriod.LastDays, Days: 365)) { Not = true }),
            Is.EqualTo(new[] { lapsed, never }));
        Reinsert();
        Assert.That(Run(new LastOrderDateCondition(new DateWindow(To: DateOnly.FromDateTime(Now.AddDays(-365))))), Is.EqualTo(new[] { lapsed }));
    }

    [Test]
    public void Category_spend_counts_each_line_once_and_only_in_listed_categories()
    {
        const int summer = 7, beach = 8, winter = 9;
        _data.Category(1, summer);
        _data.Category(1, beach);
        _data.Category(2, summer);
        _data.Category(3, winter);
        var big = _data.Customer().Id;
        var doubleMapped = _data.Customer().Id;
        var winterOnly = _data.Customer().Id;
        var o1 = _data.Order(big, Now.AddDays(-5)).Id;
        _data.Item(o1, 2, 6_000m);
        _data.Item(o1, 1, 4_000m);
        var o2 = _data.Order(doubleMapped, Now.AddDays(-5)).Id;
        _data.Item(o2, 1, 6_000m);
        var o3 = _data.Order(winterOnly, Now.AddDays(-5)).Id;
        _data.Item(o3, 3, 20_000m);

        var ids = Run(new PurchaseAmountCondition(PurchaseScope.Categories, [summer, beach], new DecimalRange(10_000m)));

        Assert.That(ids, Is.EqualTo(new[] { big }));
    }

    [Test]
    public void A_top_category_includes_its_subcategories_when_asked_and_never_deleted_ones()
    {
        // Computers > Desktops > Gaming > Consoles: products sit in the lower levels only. Notebooks is deleted.
        const int computers = 10, desktops = 11, gaming = 12, consoles = 13, notebooks = 14, books = 20;
        _data.CategoryNode(computers, 0);
        _data.CategoryNode(desktops, computers);
        _data.CategoryNode(gaming, desktops);
        _data.CategoryNode(consoles, gaming);
        _data.CategoryNode(notebooks, computers, deleted: true);
        _data.CategoryNode(books, 0);
        _data.Category(1, desktops);
        _data.Category(2, consoles);
        _data.Category(3, notebooks);
        _data.Category(4, books);
        var desktop = _data.Customer().Id;
        var console = _data.Customer().Id;
        var notebook = _data.Customer().Id;
        var reader = _data.Customer().Id;
        foreach (var (customer, product) in new[] { (desktop, 1), (console, 2), (notebook, 3), (reader, 4) })
            _data.Item(_data.Order(customer, Now.AddDays(-5)).Id, product, 5_000m);

        Assert.That(Run(new PurchasedCondition(PurchaseScope.Categories, ListMatch.Any, [computers], IncludeSubcategories: true)),
            Is.EqualTo(new[] { desktop, console }));
        Reinsert();
        Assert.That(Run(new PurchasedCondition(PurchaseScope.Categories, ListMatch.Any, [computers])), Is.Empty);
        Reinsert();
        Assert.That(Run(new PurchaseAmountCondition(PurchaseScope.Categories, [gaming], new DecimalRange(1m), IncludeSubcategories: true)),
            Is.EqualTo(new[] { console }));
        Reinsert();
        Assert.That(Run(new PurchasedCondition(PurchaseScope.Categories, ListMatch.All, [desktops, books], IncludeSubcategories: true)), Is.Empty);
    }

    [Test]
    public void Subcategories_reach_down_to_the_tree_depth_limit_and_a_cycle_ends()
    {
        // A chain 100 > 101 > ... one level deeper than the limit, a product at each level; and 200 <-> 201, a cycle.
        for (var level = 0; level <= CategoryTree.MaxDepth + 1; level++)
        {
            _data.CategoryNode(100 + level, level == 0 ? 0 : 100 + level - 1);
            _data.Category(level + 1, 100 + level);
        }
        _data.CategoryNode(200, 201);
        _data.CategoryNode(201, 200);
        _data.Category(50, 201);
        var deepest = _data.Customer().Id;
        var atLimit = _data.Customer().Id;
        var inCycle = _data.Customer().Id;
        _data.Item(_data.Order(deepest, Now.AddDays(-5)).Id, CategoryTree.MaxDepth + 2, 10m);
        _data.Item(_data.Order(atLimit, Now.AddDays(-5)).Id, CategoryTree.MaxDepth + 1, 10m);
        _data.Item(_data.Order(inCycle, Now.AddDays(-5)).Id, 50, 10m);

        Assert.That(Run(new PurchasedCondition(PurchaseScope.Categories, ListMatch.Any, [100], IncludeSubcategories: true)), Is.EqualTo(new[] { atLimit }));
        Reinsert();
        Assert.That(Run(new PurchasedCondition(PurchaseScope.Categories, ListMatch.Any, [200], IncludeSubcategories: true)), Is.EqualTo(new[] { inCycle }));
    }

    [Test]
    public void Customers_without_orders_have_spent_zero()
    {
        var none = _data.Customer().Id;
        var some = _data.Customer().Id;
        _data.Order(some, Now.AddDays(-1), total: 50m);

        Assert.That(Run(new OrderAmountCondition(AmountBasis.Total, new DecimalRange(Max: 10m))), Is.EqualTo(new[] { none }));
        Reinsert();
        Assert.That(Run(new OrderAmountCondition(AmountBasis.AnySingleOrder, new DecimalRange(Max: 10m))), Is.Empty);
    }

    [Test]
    public void Points_balance_is_the_latest_active_entry_and_zero_without_one()
    {
        var rich = _data.Customer().Id;
        var spent = _data.Customer().Id;
        var none = _data.Customer().Id;
        var future = _data.Customer().Id;
        _data.Points(rich, 500, Now.AddDays(-10));
        _data.Points(spent, 500, Now.AddDays(-10));
        _data.Points(spent, 0, Now.AddDays(-1));
        _data.Points(future, 900, Now.AddDays(1));

        Assert.That(Run(new PointsBalanceCondition(new IntRange(100))), Is.EqualTo(new[] { rich }));
        Reinsert();
        Assert.That(Run(new PointsBalanceCondition(new IntRange(Max: 0))), Is.EqualTo(new[] { spent, none, future }));
    }

    [Test]
    public void Newsletter_needs_an_active_subscription_under_the_customer_email()
    {
        var subscribed = _data.Customer().Id;
        var otherStore = _data.Customer().Id;
        var unsubscribed = _data.Customer().Id;
        _data.Customer(configure: c => c.Email = null);
        _data.Subscription($"c{subscribed}@example.test");
        _data.Subscription($"c{otherStore}@example.test", storeId: 2);
        _data.Subscription($"c{unsubscribed}@example.test", active: false);

        Assert.That(Run(new NewsletterCondition()), Is.EqualTo(new[] { subscribed, otherStore }));
        Reinsert();
        Assert.That(Run(new NewsletterCondition(2)), Is.EqualTo(new[] { otherStore }));
    }

    [Test]
    public void Not_of_an_attribute_includes_customers_who_lack_the_attribute()
    {
        var male = _data.Customer(configure: c => c.Gender = "M").Id;
        var unknown = _data.Customer(configure: c => c.Gender = null).Id;
        var female = _data.Customer(configure: c => c.Gender = "F").Id;

        Assert.That(Run(new GenderCondition(["F"]) { Not = true }), Is.EqualTo(new[] { male, unknown }));
        Reinsert();
        Assert.That(Run(new BirthdayCondition(BirthdayPeriod.Month, Month: 1) { Not = true }), Is.EqualTo(new[] { male, unknown, female }));
    }

    [Test]
    public void A_segment_target_compiles_to_the_segment()
    {
        var p = Population();
        var target = new SegmentTarget(new SegmentDefinition(new AllRegisteredCondition()), new SegmentContext(Tokyo, Now));
        _data.Insert(Db);

        Assert.That(target.Compile(NopStore.Sources(Db)).ToList(), Is.EqualTo(new[] { p.Registered }));
    }
}
