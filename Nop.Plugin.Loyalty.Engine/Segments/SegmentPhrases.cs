using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using static Nop.Plugin.Loyalty.Engine.Describing.PhraseKeys;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The parts the conditions' descriptions share: ranges, date windows, lists of names.</summary>
internal static class SegmentPhrases
{
    public static PhraseValue Range(IntRange range) => Range(range.Min, range.Max, n => new PhraseNumber(n));

    public static PhraseValue Range(DecimalRange range) => Range(range.Min, range.Max, amount => new PhraseMoney(amount));

    private static PhraseValue Range<T>(T? min, T? max, Func<T, PhraseValue> value) where T : struct, IEquatable<T> => (min, max) switch
    {
        ({ } a, { } b) when a.Equals(b) => value(a),
        ({ } a, { } b) => new Phrase(RangeBetween, value(a), value(b)),
        ({ } a, null) => new Phrase(RangeAtLeast, value(a)),
        (null, { } b) => new Phrase(RangeAtMost, value(b)),
        _ => new Phrase(RangeAny)
    };

    /// <summary>The clause limited to the window; the clause alone when the window is all time.</summary>
    public static Phrase Within(Phrase clause, DateWindow? window) =>
        window is null || window.IsAllTime ? clause : new Phrase(InWindow, clause, Window(window));

    public static Phrase Window(DateWindow window) => window switch
    {
        { Relative: RelativePeriod.LastDays } => Phrase.Counted(WindowLastDays, window.Days ?? 0),
        { Relative: RelativePeriod.ThisMonth } => new Phrase(WindowThisMonth),
        { Relative: RelativePeriod.LastMonth } => new Phrase(WindowLastMonth),
        { Relative: RelativePeriod.ThisYear } => new Phrase(WindowThisYear),
        { From: { } a, To: { } b } => new Phrase(WindowBetween, new PhraseDate(a), new PhraseDate(b)),
        { From: { } a } => new Phrase(WindowFrom, new PhraseDate(a)),
        { To: { } b } => new Phrase(WindowTo, new PhraseDate(b)),
        _ => new Phrase(WindowAllTime)
    };

    /// <summary>The names of the entities, in the listed order.</summary>
    public static PhraseList Names(SegmentEntity kind, IEnumerable<int>? ids) =>
        new(JoinComma, (ids ?? []).Select(id => (PhraseValue)new PhraseName(kind, id)).ToList());

    public static Phrase Scope(PurchaseScope scope, IReadOnlyList<int> ids, bool includeSubcategories) => scope switch
    {
        PurchaseScope.Products => new Phrase(ScopeProducts, Names(SegmentEntity.Product, ids)),
        _ when includeSubcategories => new Phrase(ScopeCategoryTrees, Names(SegmentEntity.Category, ids)),
        _ => new Phrase(ScopeCategories, Names(SegmentEntity.Category, ids))
    };
}
