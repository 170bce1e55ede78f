using Nop.Plugin.Loyalty.Engine.Segments;

namespace Nop.Plugin.Loyalty.Engine.Describing;

/// <summary>A value placed in a phrase's wording; the plugin writes each kind in the viewer's language.</summary>
public abstract record PhraseValue;

/// <summary>
/// A description as data: the resource key of its wording and the values of its {0}, {1}… placeholders.
/// The engine says what to describe; the wording of every language lives in the plugin's resources.
/// </summary>
/// <remarks>A counted phrase's wording depends on <see cref="Count"/>: its keys are "{Key}.One" and "{Key}.Other".</remarks>
public sealed record Phrase : PhraseValue
{
    public Phrase(string key, params PhraseValue[] values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>The resource key of the wording (without the plural form of a counted phrase).</summary>
    public string Key { get; }

    /// <summary>The values of the placeholders, in order.</summary>
    public IReadOnlyList<PhraseValue> Values { get; }

    /// <summary>The number that picks the plural form of the wording; null for a phrase with one wording.</summary>
    public long? Count { get; private init; }

    /// <summary>A phrase worded by the plural form of <paramref name="count"/>, which is its first value ({0}).</summary>
    public static Phrase Counted(string key, long count, params PhraseValue[] more) =>
        new(key, [new PhraseNumber(count), .. more]) { Count = count };

    /// <summary>Every value of the phrase, nested ones included.</summary>
    public IEnumerable<PhraseValue> Descendants() => Values.SelectMany(WithDescendants);

    private static IEnumerable<PhraseValue> WithDescendants(PhraseValue value) => value switch
    {
        Phrase phrase => [phrase, .. phrase.Descendants()],
        PhraseList list => [list, .. list.Items.SelectMany(WithDescendants)],
        _ => [value]
    };
}

/// <summary>Text shown as it is: a segment's or a file's name.</summary>
public sealed record PhraseText(string Text) : PhraseValue;

/// <summary>A whole number.</summary>
public sealed record PhraseNumber(long Value) : PhraseValue;

/// <summary>An amount in the store's primary currency.</summary>
public sealed record PhraseMoney(decimal Amount) : PhraseValue;

/// <summary>A calendar day.</summary>
public sealed record PhraseDate(DateOnly Day) : PhraseValue;

/// <summary>A month of the year (1 to 12).</summary>
public sealed record PhraseMonth(int Month) : PhraseValue;

/// <summary>A day of the year without a year.</summary>
public sealed record PhraseMonthDay(int Month, int Day) : PhraseValue;

/// <summary>A store entity named by id; <paramref name="KnownName"/> is the name it had when stored, for one since deleted.</summary>
public sealed record PhraseName(SegmentEntity Kind, int Id, string? KnownName = null) : PhraseValue;

/// <summary>A nopCommerce order status, by its id.</summary>
public sealed record PhraseOrderStatus(int StatusId) : PhraseValue;

/// <summary>Values joined two by two with the wording of <paramref name="JoinKey"/> ("{0}, {1}").</summary>
public sealed record PhraseList(string JoinKey, IReadOnlyList<PhraseValue> Items) : PhraseValue;

/// <summary>The plural forms a counted phrase has a wording for.</summary>
public enum PluralForm
{
    /// <summary>The form for one.</summary>
    One,
    /// <summary>The form for every other count.</summary>
    Other
}
