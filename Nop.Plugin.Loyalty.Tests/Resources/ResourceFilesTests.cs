using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Localization;
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

    [TestCaseSource(nameof(Cultures))]
    public void Every_counted_text_has_both_forms_with_the_same_placeholders(string culture)
    {
        var resources = Resources(culture);
        var forms = new[] { PluralForms.One, PluralForms.Other };

        var counted = resources.Keys.Where(k => forms.Any(f => k.EndsWith(f, StringComparison.Ordinal)))
            .Select(k => k[..k.LastIndexOf('.')])
            .Distinct()
            .ToList();

        Assert.That(counted, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var key in counted)
            {
                Assert.That(resources.ContainsKey(key + PluralForms.One) && resources.ContainsKey(key + PluralForms.Other), $"{key}: both forms");
                if (resources.TryGetValue(key + PluralForms.One, out var one) && resources.TryGetValue(key + PluralForms.Other, out var other))
                    // the form for one may spell its count out ("once"); every other placeholder is in both
                    Assert.That(Placeholders(one).Except(["0"]), Is.EquivalentTo(Placeholders(other).Except(["0"])), $"{key}: placeholders of both forms");
                Assert.That(resources.ContainsKey(key), Is.False, $"{key}: a counted text has no form-less key");
            }
        });
    }

    [Test]
    public void The_English_friendly_name_is_the_one_in_plugin_json()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("plugin.json")));
        var friendlyName = json.RootElement.GetProperty("FriendlyName").GetString();
        var systemName = json.RootElement.GetProperty("SystemName").GetString();

        Assert.That(Resources("en-US")[$"Plugins.FriendlyName.{systemName}"], Is.EqualTo(friendlyName));
        Assert.That(Resources("ja-JP")[$"Plugins.FriendlyName.{systemName}"], Does.Not.Contain("Loyalty"));
    }

    [Test]
    public void The_grant_email_uses_the_same_tokens_in_both_languages()
    {
        var english = Resources("en-US");
        var japanese = Resources("ja-JP");

        Assert.Multiple(() =>
        {
            foreach (var key in english.Keys.Where(k => k.StartsWith("Plugins.Misc.Loyalty.MessageTemplates.", StringComparison.Ordinal)))
            {
                Assert.That(Tokens(english[key]), Is.Not.Empty, key);
                Assert.That(Tokens(japanese[key]), Is.EquivalentTo(Tokens(english[key])), key);
            }
        });
    }

    private static HashSet<string> Tokens(string text) => TokenPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"%[A-Za-z.]+%")]
    private static partial Regex TokenPattern();

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
