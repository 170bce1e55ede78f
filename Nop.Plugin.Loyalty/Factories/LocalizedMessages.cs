using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Turns the engine's resource keys and arguments into the messages admins read.</summary>
public static class LocalizedMessages
{
    /// <summary>The localized text of a resource key with its placeholders filled.</summary>
    public static async Task<string> FormatAsync(ILocalizationService localization, string resourceKey, IEnumerable<object> arguments) =>
        Format(await localization.GetResourceAsync(resourceKey), arguments?.ToArray() ?? []);

    /// <summary>A localized text with its placeholders filled.</summary>
    public static string Format(string text, object[] args)
    {
        if (args.Length == 0)
            return text;

        try
        {
            return string.Format(text, args);
        }
        catch (FormatException)
        {
            // A translation with placeholders that do not fit still says something useful.
            return $"{text} ({string.Join(", ", args)})";
        }
    }

    /// <summary>The localized texts of resource keys, in their order (a CSV file's header row).</summary>
    public static async Task<IReadOnlyList<string>> TextsAsync(ILocalizationService localization, IEnumerable<string> resourceKeys)
    {
        var texts = new List<string>();
        foreach (var key in resourceKeys)
            texts.Add(await localization.GetResourceAsync(key));
        return texts;
    }

    /// <summary>The localized message of a broken rule.</summary>
    public static Task<string> FormatAsync(ILocalizationService localization, ValidationError error) =>
        FormatAsync(localization, error.ResourceKey, error.Arguments);
}
