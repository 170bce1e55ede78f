using Nop.Plugin.Loyalty.Engine.Describing;

namespace Nop.Plugin.Loyalty.Engine.Localization;

/// <summary>
/// Resource keys of texts that depend on a count: "{key}.One" for one thing, "{key}.Other" for any other number.
/// nopCommerce has no plural rules, so these two forms are what a resource file gives; languages without plurals
/// (Japanese) give the same text twice.
/// </summary>
public static class PluralForms
{
    /// <summary>Suffix of the form for exactly one (English "1 point").</summary>
    public const string One = ".One";

    /// <summary>Suffix of the form for every other count, and the form used when a language lacks ".One".</summary>
    public const string Other = ".Other";

    /// <summary>The key of the form <paramref name="count"/> takes in <paramref name="culture"/>.</summary>
    public static string Key(string key, long count, string? culture = null) =>
        key + (Of(count, culture) == PluralForm.One ? One : Other);

    /// <summary>The plural form <paramref name="count"/> takes in <paramref name="culture"/>.</summary>
    public static PluralForm Of(long count, string? culture = null) => IsOne(count, culture) ? PluralForm.One : PluralForm.Other;

    // French and Brazilian Portuguese also say "0 point"; any other language a file is dropped for counts as English does.
    private static bool IsOne(long count, string? culture)
    {
        var magnitude = Math.Abs(count);
        var zeroIsOne = culture != null && (culture.StartsWith("fr", StringComparison.OrdinalIgnoreCase)
                                            || culture.Equals("pt-BR", StringComparison.OrdinalIgnoreCase));
        return zeroIsOne ? magnitude <= 1 : magnitude == 1;
    }
}
