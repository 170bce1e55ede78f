using System.Linq.Expressions;

namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>
/// Consecutive row ids from <paramref name="First"/> to <paramref name="Last"/>. Rows written by one bulk insert have
/// consecutive ids, so a few ranges name thousands of them in a statement that stays short and plans at once, where a
/// list of every id would be parsed and planned anew each time.
/// </summary>
public readonly record struct IdRange(int First, int Last)
{
    /// <summary>The runs of consecutive ids among <paramref name="ids"/>, in ascending order.</summary>
    public static IReadOnlyList<IdRange> Runs(IEnumerable<int> ids)
    {
        var runs = new List<IdRange>();
        foreach (var id in ids.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].Last == id - 1)
                runs[^1] = runs[^1] with { Last = id };
            else
                runs.Add(new IdRange(id, id));
        }

        return runs;
    }

    /// <summary>A filter on rows whose id (read by <paramref name="id"/>) lies in one of the ranges; false for none.</summary>
    public static Expression<Func<T, bool>> Within<T>(IReadOnlyCollection<IdRange> ranges, Expression<Func<T, int>> id)
    {
        Expression? body = null;
        foreach (var range in ranges)
        {
            var inRange = range.First == range.Last
                ? Expression.Equal(id.Body, Value(range.First))
                : Expression.AndAlso(Expression.GreaterThanOrEqual(id.Body, Value(range.First)),
                    Expression.LessThanOrEqual(id.Body, Value(range.Last)));
            body = body == null ? inRange : Expression.OrElse(body, inRange);
        }

        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), id.Parameters);
    }

    /// <summary>A bound as a captured value, so that query providers send it as a parameter and reuse the statement's plan.</summary>
    private static Expression Value(int bound) => Captured(bound).Body;

    private static Expression<Func<int>> Captured(int value) => () => value;
}
