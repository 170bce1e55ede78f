using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose number of counted orders in the window lies in <paramref name="Count"/> (1..1 = exactly once).</summary>
public sealed record OrderCountCondition(IntRange Count, DateWindow? Window = null) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) => compilation.Orders.Count(this, compilation.Conjunct);

    internal override void Validate(SegmentChecks checks, string path)
    {
        checks.Count(Count, $"{path}.count");
        checks.Window(Window, $"{path}.window", required: false);
    }

    internal override Phrase Describe() => SegmentPhrases.Within(Times(), Window);

    private Phrase Times()
    {
        var (min, max) = (Count.Min ?? 0, Count.Max);
        if (min == 0 && max == 0)
            return new Phrase(PhraseKeys.OrderCountNever);
        // "ordered in the last 30 days" reads better than "ordered at least once in the last 30 days".
        if (min == 1 && max is null && Window is { IsAllTime: false })
            return new Phrase(PhraseKeys.OrderCountOrdered);
        if (max is null)
            return Phrase.Counted(PhraseKeys.OrderCountAtLeast, min);
        if (min == 0)
            return Phrase.Counted(PhraseKeys.OrderCountAtMost, max.Value);
        return min == max
            ? Phrase.Counted(PhraseKeys.OrderCountExactly, min)
            : new Phrase(PhraseKeys.OrderCountBetween, new PhraseNumber(min), new PhraseNumber(max.Value));
    }
}
