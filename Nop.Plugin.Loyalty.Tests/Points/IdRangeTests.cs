using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>Id ranges that name the rows a revoke writes: runs of consecutive ids, and the filter a statement sends.</summary>
public class IdRangeTests
{
    [Test]
    public void Runs_join_consecutive_ids_in_any_order_and_once_each()
    {
        Assert.That(IdRange.Runs([12, 5, 3, 4, 11, 20, 4, 10]),
            Is.EqualTo(new[] { new IdRange(3, 5), new IdRange(10, 12), new IdRange(20, 20) }));
        Assert.That(IdRange.Runs([]), Is.Empty);
        Assert.That(IdRange.Runs([int.MaxValue, int.MaxValue - 1, 1]),
            Is.EqualTo(new[] { new IdRange(1, 1), new IdRange(int.MaxValue - 1, int.MaxValue) }));
    }

    [Test]
    public void The_filter_of_a_set_s_runs_keeps_exactly_that_set([Values(1, 2, 3, 4, 5)] int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(1, 200)).ToHashSet();
        var rows = Enumerable.Range(0, 210).Select(id => new Row(id)).ToList();

        var filter = IdRange.Within<Row>(IdRange.Runs(ids), r => r.Id).Compile();

        Assert.That(rows.Where(filter).Select(r => r.Id), Is.EquivalentTo(ids));
    }

    [Test]
    public void No_range_keeps_no_row() =>
        Assert.That(new[] { new Row(1), new Row(2) }.Where(IdRange.Within<Row>([], r => r.Id).Compile()), Is.Empty);

    private sealed record Row(int Id);
}
