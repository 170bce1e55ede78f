using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>The README's membership ranks: the rules it shows are the engine's JSON of the conditions it describes.</summary>
public class RankRulesReadmeTests
{
    private static SegmentDefinition SpentInLastYear(decimal min, decimal? max) => new(
        new SegmentGroup(GroupMatch.All,
            [new OrderAmountCondition(AmountBasis.Total, new DecimalRange(min, max), new DateWindow(Relative: RelativePeriod.LastDays, Days: 365))]),
        OrderStatusIds: [OrderStatuses.Complete]);

    [TestCase("Gold", 100000, null)]
    [TestCase("Silver", 30000, 99999.99)]
    [TestCase("Bronze", 1, 29999.99)]
    public void The_readme_shows_each_ranks_rule_as_the_engine_writes_it(string rank, decimal min, double? max)
    {
        var json = SegmentJson.Serialize(SpentInLastYear(min, max is { } m ? (decimal)m : null));
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));

        Assert.That(readme, Does.Contain($"| {rank} | `{json}` |"));
        Assert.That(SegmentJson.Serialize(SegmentJson.Parse(json)), Is.EqualTo(json), "the rule reads back as written");
    }
}
