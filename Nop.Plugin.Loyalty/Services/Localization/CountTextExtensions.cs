using System.Globalization;
using Nop.Plugin.Loyalty.Engine.Localization;
using Nop.Plugin.Loyalty.Factories;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Services.Localization;

/// <summary>
/// Texts that say how many of something ("1 point", "3 points"), in the working language: a resource key with a
/// ".One" and an ".Other" form (see <see cref="PluralForms"/>), since nopCommerce's resources have no plural rules.
/// </summary>
public static class CountTextExtensions
{
    /// <summary>
    /// The form of <paramref name="key"/> that <paramref name="count"/> takes, with {0} the count (digits grouped
    /// in the working culture) and {1}, {2}… the further arguments.
    /// </summary>
    public static async Task<string> GetCountTextAsync(this ILocalizationService localization, string key, long count,
        params object[] arguments)
    {
        // nopCommerce sets the request's cultures to the working language's.
        var form = PluralForms.Key(key, count, CultureInfo.CurrentUICulture.Name);
        var text = await localization.GetResourceAsync(form);
        if (string.IsNullOrEmpty(text) || string.Equals(text, form, StringComparison.OrdinalIgnoreCase))
            text = await localization.GetResourceAsync(key + PluralForms.Other);

        return LocalizedMessages.Format(text, [count.ToString("N0", CultureInfo.CurrentCulture), .. arguments ?? []]);
    }
}
