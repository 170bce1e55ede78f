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
        var entries = GrantPlanner.Plan(new GrantTerms("Bonus", 100, Now.AddDays(9)), 3, [1, 2], new Dictionary<int, int> { [1] = 35 }, Now);

        Assert.That(entries, Is.EqualTo(new[]
        {
            new PlannedEntry(1, 3, 100, 135, Now, Now.AddDays(9), 100, "Bonus"),
            new PlannedEntry(2, 3, 100, 100, Now, Now.AddDays(9), 100, "Bonus"),
        }));
    }

    [Test]
    public void Later_activation_leaves_the_balance_for_nopCommerce_to_fill_in()
    {
        var activates = Now.AddDays(2);

        var entry = GrantPlanner.Plan(new GrantTerms("x", 100, Now.AddDays(9), activates), 1, [1], new Dictionary<int, int> { [1] = 35 }, Now).Single();

        Assert.That(entry.PointsBalance, Is.Null);
        Assert.That(entry.CreatedOnUtc, Is.EqualTo(activates));
        Assert.That(entry.ValidPoints, Is.EqualTo(100));
    }

    [Test]
    public void An_activation_already_past_grants_at_once()
    {
        var entry = GrantPlanner.Plan(new GrantTerms("x", 100, Now.AddDays(9), Now.AddDays(-1)), 1, [1], new Dictionary<int, int>(), Now).Single();

        Assert.That((entry.PointsBalance, entry.CreatedOnUtc), Is.EqualTo(((int?)100, Now)));
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

        var entries = GrantPlanner.PlanRetirement(7, 2, retirement, Now, id => $"expired {id}");

        Assert.That(entries, Is.EqualTo(new[]
        {
            new PlannedEntry(7, 2, -50, 10, Now, null, null, "expired 1", 1),
            new PlannedEntry(7, 2, -10, 0, Now, null, null, "expired 2", 2),
        }));
        Assert.That(GrantPlanner.PlanRetirement(7, 2, LotRetirement.Expire(lots, 0, Now), Now, id => $"expired {id}"), Is.Empty);
    }

    [TestCase(0, null)]
    [TestCase(-3, null)]
    [TestCase(30, "2026-10-24T12:00:00")]
    public void Purging_looks_back_the_given_days_and_zero_turns_it_off(int days, string? cutoff) =>
        Assert.That(PurgePolicy.Cutoff(Now, days), Is.EqualTo(cutoff == null ? null : DateTime.Parse(cutoff)));

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
