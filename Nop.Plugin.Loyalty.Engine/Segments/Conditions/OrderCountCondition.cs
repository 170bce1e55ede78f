using System.Linq.Expressions;
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

    internal override string Describe(EnglishPhrases english) => EnglishPhrases.Suffix(English(), Window);

    internal override string Describe(JapanesePhrases japanese) => JapanesePhrases.Prefix(Window, Japanese());

    private string English()
    {
        var (min, max) = (Count.Min ?? 0, Count.Max);
        if (min == 1 && max is null)
            return Window is null || Window.IsAllTime ? "ordered at least once" : "ordered";
        if (min == 0 && max == 0)
            return "never ordered";
        if (max is null)
            return $"ordered at least {Times(min)}";
        if (min == 0)
            return $"ordered at most {Times(max.Value)}";
        return min == max ? $"ordered exactly {Times(min)}" : $"ordered {min} to {max} times";
    }

    private static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => $"{n} times" };

    private string Japanese()
    {
        var (min, max) = (Count.Min ?? 0, Count.Max);
        if (min == 1 && max is null)
            return "注文あり";
        if (min == 0 && max == 0)
            return "注文なし";
        if (max is null)
            return $"注文が{min}回以上";
        if (min == 0)
            return $"注文が{max}回以下";
        return min == max ? $"注文がちょうど{min}回" : $"注文が{min}〜{max}回";
    }
}
