using System.Globalization;
using Nop.Plugin.Loyalty.Engine.Segments;

namespace Nop.Plugin.Loyalty.Engine.Describing;

/// <summary>What a language supplies to write a phrase: wordings by resource key, and how it writes each kind of value.</summary>
public interface IPhraseTexts
{
    /// <summary>The wording of a resource key, with {0}, {1}… placeholders; null when the language has none.</summary>
    Task<string?> WordingAsync(string key);

    /// <summary>The plural form whose wording a counted phrase uses for <paramref name="count"/>.</summary>
    PluralForm PluralFormOf(long count);

    string Number(long value);

    Task<string> MoneyAsync(decimal amount);

    string Date(DateOnly day);

    string Month(int month);

    string MonthDay(int month, int day);

    /// <summary>The entity's name, or null when the store has no such entity.</summary>
    string? Name(SegmentEntity kind, int id);

    Task<string> OrderStatusAsync(int statusId);
}

/// <summary>Writes a <see cref="Phrase"/> with a language's <see cref="IPhraseTexts"/>.</summary>
/// <remarks>A missing wording shows its key (as nopCommerce shows a missing resource); an unknown entity shows "#id".</remarks>
public static class PhraseRenderer
{
    /// <summary>The phrase as text in the language of <paramref name="texts"/>.</summary>
    public static async Task<string> RenderAsync(PhraseValue value, IPhraseTexts texts) => value switch
    {
        Phrase phrase => await PhraseAsync(phrase, texts),
        PhraseText text => text.Text,
        PhraseNumber number => texts.Number(number.Value),
        PhraseMoney money => await texts.MoneyAsync(money.Amount),
        PhraseDate date => texts.Date(date.Day),
        PhraseMonth month => texts.Month(month.Month),
        PhraseMonthDay day => texts.MonthDay(day.Month, day.Day),
        PhraseName name => texts.Name(name.Kind, name.Id) ?? name.KnownName ?? $"#{name.Id}",
        PhraseOrderStatus status => await texts.OrderStatusAsync(status.StatusId),
        PhraseList list => await ListAsync(list, texts),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null)
    };

    /// <summary>The resource key a phrase is worded by for this language (the plural form's key for a counted phrase).</summary>
    public static string WordingKey(Phrase phrase, IPhraseTexts texts) =>
        phrase.Count is { } count ? $"{phrase.Key}.{texts.PluralFormOf(count)}" : phrase.Key;

    private static async Task<string> PhraseAsync(Phrase phrase, IPhraseTexts texts)
    {
        var key = WordingKey(phrase, texts);
        var values = new object[phrase.Values.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = await RenderAsync(phrase.Values[i], texts);
        return Fill(await texts.WordingAsync(key) ?? key, values);
    }

    private static async Task<string> ListAsync(PhraseList list, IPhraseTexts texts)
    {
        string? joined = null;
        string? join = null;
        foreach (var item in list.Items)
        {
            var text = await RenderAsync(item, texts);
            if (joined is null)
            {
                joined = text;
                continue;
            }

            join ??= await texts.WordingAsync(list.JoinKey) ?? list.JoinKey;
            joined = Fill(join, [joined, text]);
        }

        return joined ?? string.Empty;
    }

    // A translation with a broken placeholder still shows its words rather than failing the page.
    private static string Fill(string wording, object[] values)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, wording, values);
        }
        catch (FormatException)
        {
            return wording;
        }
    }
}
