using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Turns the engine's resource keys and arguments into the messages admins read.</summary>
public static class LocalizedMessages
{
    /// <summary>The localized text of a resource key with its placeholders filled.</summary>
    public static async Task<string> FormatAsync(ILocalizationService localization, string resourceKey, IEnumerable<object> arguments)
    {
        var text = await localization.GetResourceAsync(resourceKey);
        var args = arguments?.ToArray() ?? [];
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

    /// <summary>The localized message of a broken rule.</summary>
    public static Task<string> FormatAsync(ILocalizationService localization, ValidationError error) =>
        FormatAsync(localization, error.ResourceKey, error.Arguments);
}
