using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Tests.Infrastructure;

namespace Nop.Plugin.Loyalty.Tests.Resources;

/// <summary>The plugin's resource files against each other and against the keys the engine raises.</summary>
public partial class ResourceFilesTests
{
    private static readonly string[] Cultures = ["en-US", "ja-JP"];

    /// <summary>The texts of one culture's resource file, by key (as nopCommerce, ignoring case).</summary>
    internal static Dictionary<string, string> Resources(string culture)
    {
        var document = XDocument.Load(RepositoryFiles.Path("Localization", $"{culture}.nopres.xml"));
        return document.Root!.Elements("LocaleResource")
            .ToDictionary(e => (string)e.Attribute("Name")!, e => (string?)e.Element("Value") ?? "", StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> EngineKeys() =>
        typeof(ResourceKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(Cultures))]
    public void Every_message_the_engine_raises_has_a_text(string culture)
    {
        var resources = Resources(culture);

        var missing = EngineKeys().Where(key => !resources.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text));

        Assert.That(missing, Is.Empty);
    }

    /// <summary>Every wording a description can use: each key, or each plural form of a counted key.</summary>
    private static IEnumerable<string> DescriptionKeys() =>
        typeof(PhraseKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .SelectMany(key => PhraseKeys.Counted.Contains(key) ? Enum.GetNames<PluralForm>().Select(form => $"{key}.{form}") : [key]);

    [TestCaseSource(nameof(Cultures))]
    public void Every_wording_a_description_can_use_has_a_text(string culture)
    {
        var resources = Resources(culture);

        var keys = DescriptionKeys().ToList();
        var missing = keys.Where(key => !resources.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text));

        Assert.That(keys, Has.Count.GreaterThan(50), "the engine's description keys were found");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Both_languages_have_the_same_keys_and_placeholders()
    {
        var english = Resources("en-US");
        var japanese = Resources("ja-JP");

        Assert.That(japanese.Keys, Is.EquivalentTo(english.Keys));
        var mismatched = english.Keys
            .Where(key => !Placeholders(english[key]).SetEquals(Placeholders(japanese[key])))
            .ToList();
        Assert.That(mismatched, Is.Empty, "keys whose {n} placeholders differ between the languages");
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
