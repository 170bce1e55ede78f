using System.Globalization;

namespace Nop.Plugin.Loyalty.Engine.Localization;

/// <summary>Which of the cultures the plugin ships resources for serves a language of the store.</summary>
public static class ResourceCultures
{
    /// <summary>The culture every language falls back on when none of its own is shipped.</summary>
    public const string Fallback = "en-US";

    /// <summary>
    /// The shipped culture for <paramref name="languageCulture"/>: the same culture ("ja-JP"), else one of the same
    /// language and script ("ja" or "ja-JP" for a "ja" or "ja-XX" language; never zh-Hans for zh-Hant), else English,
    /// else null.
    /// </summary>
    public static string? Pick(string? languageCulture, IEnumerable<string> shipped)
    {
        var cultures = shipped.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var exact = cultures.FirstOrDefault(c => Same(c, languageCulture));
        if (exact != null)
            return exact;

        var neutral = Neutral(languageCulture);
        var related = neutral == null ? null : cultures
            .Where(c => Same(Neutral(c), neutral))
            // The neutral file ("ja") before a sibling's ("ja-JP" for "ja-XX").
            .OrderBy(c => Same(c, neutral) ? 0 : 1)
            .FirstOrDefault();

        return related
               ?? cultures.FirstOrDefault(c => Same(c, Fallback))
               ?? cultures.FirstOrDefault(c => Same(Neutral(c), "en"));
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The neutral culture (language and, where it matters, script: "zh-Hant") of a culture name.</summary>
    private static string? Neutral(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim());
            while (!culture.IsNeutralCulture && !Equals(culture.Parent, CultureInfo.InvariantCulture))
                culture = culture.Parent;
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return name.Split('-')[0];
        }
    }
}
