using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Tests.Points;

public class GrantRulesTests
{
    private static readonly DateTime Now = LotGenerator.Now;

    private static IEnumerable<string> Keys(GrantTerms terms) => GrantValidator.Validate(terms, Now).Select(e => e.ResourceKey);

    [Test]
    public void Valid_terms_pass() =>
        Assert.That(Keys(new GrantTerms("Winter campaign", 500, Now.AddDays(30), Now.AddDays(1))), Is.Empty);

    [TestCase("", ResourceKeys.NameRequired)]
    [TestCase("   ", ResourceKeys.NameRequired)]
    public void A_name_is_required(string name, string key) =>
        Assert.That(Keys(new GrantTerms(name, 10, Now.AddDays(1))), Is.EqualTo(new[] { key }));

    [Test]
    public void A_name_is_at_most_200_characters()
    {
        Assert.That(Keys(new GrantTerms(new string('a', 200), 10, Now.AddDays(1))), Is.Empty);
        Assert.That(Keys(new GrantTerms(new string('a', 201), 10, Now.AddDays(1))), Is.EqualTo(new[] { ResourceKeys.NameTooLong }));
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(1_000_000, true)]
    [TestCase(1_000_001, false)]
    [TestCase(-3, false)]
    public void Points_are_between_1_and_a_million(int points, bool valid) =>
        Assert.That(Keys(new GrantTerms("x", points, Now.AddDays(1))),
            valid ? Is.Empty : Is.EqualTo(new[] { ResourceKeys.PointsOutOfRange }));

    [Test]
    public void Expiry_is_required_in_the_future_and_after_activation()
    {
        Assert.That(Keys(new GrantTerms("x", 1, null)), Is.EqualTo(new[] { ResourceKeys.ExpiryRequired }));
        Assert.That(Keys(new GrantTerms("x", 1, Now)), Is.EqualTo(new[] { ResourceKeys.ExpiryInPast }));
        Assert.That(Keys(new GrantTerms("x", 1, Now.AddDays(2), Now.AddDays(2))), Is.EqualTo(new[] { ResourceKeys.ExpiryBeforeActivation }));
    }

    [Test]
    public void Every_broken_rule_is_reported_at_once() =>
        Assert.That(Keys(new GrantTerms("", 0, null)), Has.Exactly(3).Items);

    [Test]
    public void Immediate_grants_carry_the_running_balance_from_the_latest_entry()
    {
        var entries = GrantPlanner.Plan(new GrantTerms("x", 100, Now.AddDays(9)), [1, 2], new Dictionary<int, int> { [1] = 35 }, Now);

        Assert.That(entries, Is.EqualTo(new[]
        {
            new PlannedEntry(1, 100, 135, Now, Now.AddDays(9), 100),
            new PlannedEntry(2, 100, 100, Now, Now.AddDays(9), 100),
        }));
    }

    [Test]
    public void Later_activation_leaves_the_balance_for_nopCommerce_to_fill_in()
    {
        var activates = Now.AddDays(2);

        var entry = GrantPlanner.Plan(new GrantTerms("x", 100, Now.AddDays(9), activates), [1], new Dictionary<int, int> { [1] = 35 }, Now).Single();

        Assert.That(entry.PointsBalance, Is.Null);
        Assert.That(entry.CreatedOnUtc, Is.EqualTo(activates));
    }

    [Test]
    public void Retirement_entries_carry_running_balances_and_skip_lots_that_gave_nothing()
    {
        var lots = new[]
        {
            new PointLot(1, 50, 50, Now.AddDays(-9), Now.AddDays(-2)),
            new PointLot(2, 40, 40, Now.AddDays(-9), Now.AddDays(-1)),
        };
        var retirement = LotRetirement.Expire(lots, 60, Now);

        var entries = GrantPlanner.PlanRetirement(7, retirement, Now);

        Assert.That(entries.Select(e => (e.Points, e.PointsBalance, e.RetiresLotId)), Is.EqualTo(new[] { (-50, (int?)10, (int?)1), (-10, 0, 2) }));
        Assert.That(GrantPlanner.PlanRetirement(7, LotRetirement.Expire(lots, 0, Now), Now), Is.Empty);
    }

    [TestCase(60, 60, -31, 30, true)]
    [TestCase(60, 60, -30, 30, true)]
    [TestCase(60, 60, -29, 30, false)]
    [TestCase(60, 59, -90, 30, false)]
    [TestCase(60, 60, -90, 0, false)]
    [TestCase(60, 60, 5, 1, false)]
    public void Purge_takes_only_fully_unused_lots_expired_long_enough_ago(int granted, int expired, int expiredDaysFromNow, int days, bool eligible) =>
        Assert.That(PurgePolicy.IsEligible(granted, expired, Now.AddDays(expiredDaysFromNow), Now, days), Is.EqualTo(eligible));

    [Test]
    public void A_statement_groups_limited_points_by_expiry_and_flags_those_expiring_soon()
    {
        var soon = Now.AddDays(3);
        var later = Now.AddDays(40);
        var lots = new[]
        {
            new PointLot(1, 100, 100, Now.AddDays(-5), null),
            new PointLot(2, 30, 30, Now.AddDays(-5), soon, IsSpecial: true),
            new PointLot(3, 20, 20, Now.AddDays(-4), soon, IsSpecial: true),
            new PointLot(4, 70, 50, Now.AddDays(-4), later, IsSpecial: true),
            new PointLot(5, 70, 70, Now.AddDays(-4), Now.AddDays(-1), IsSpecial: true),
        };

        var statement = PointsStatement.Build(lots, 200, Now, TimeSpan.FromDays(7));

        Assert.That(statement.Limited, Is.EqualTo(new[] { new ExpiringPoints(soon, 50, true), new ExpiringPoints(later, 50, true) }));
        Assert.That(statement.ExpiringSoon, Is.EqualTo(50));
        Assert.That(statement.NextExpiryUtc, Is.EqualTo(soon));
        Assert.That(statement.Balance, Is.EqualTo(200));
    }
}
