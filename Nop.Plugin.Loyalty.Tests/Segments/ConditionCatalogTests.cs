using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Tests.Infrastructure;
using Nop.Plugin.Loyalty.Tests.Resources;

namespace Nop.Plugin.Loyalty.Tests.Segments;

/// <summary>The condition catalog against the condition classes, the resource files and the builder script.</summary>
public partial class ConditionCatalogTests
{
    private static readonly string[] Cultures = ["en-US", "ja-JP"];

    private static IEnumerable<ConditionKind> Kinds() => ConditionCatalog.All;

    [Test]
    public void Every_condition_class_is_listed_once()
    {
        var classes = typeof(SegmentCondition).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SegmentCondition)) && !t.IsAbstract);

        Assert.That(ConditionCatalog.All.Select(k => k.ClrType), Is.EquivalentTo(classes).And.Unique);
    }

    [Test]
    public void Json_names_are_unique_and_not_the_group()
    {
        var names = ConditionCatalog.All.Select(k => k.Type).Append(ConditionCatalog.GroupType);

        Assert.That(names, Is.Unique);
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_starting_node_is_written_under_its_name_and_reads_back(ConditionKind kind)
    {
        var json = kind.StartJson;
        var read = SegmentJson.Parse($"{{\"version\":1,\"root\":{json}}}").Root;

        Assert.That(json, Does.StartWith($"{{\"type\":\"{kind.Type}\""));
        Assert.That(read, Is.TypeOf(kind.ClrType));
        Assert.That(SegmentJson.SerializeNode(read), Is.EqualTo(json));
    }

    [TestCaseSource(nameof(Kinds))]
    public void Every_field_is_a_property_of_the_condition(ConditionKind kind)
    {
        var properties = kind.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        var choices = kind.Fields.Where(f => f.Editor == FieldEditor.Choice).Select(f => f.Name).ToHashSet();

        Assert.That(kind.Fields.Select(f => f.Name), Is.SubsetOf(properties).And.Unique);
        Assert.That(kind.Fields.SelectMany(f => f.Resets), Is.SubsetOf(properties));
        foreach (var field in kind.Fields.Where(f => f.ScopeField is not null))
        {
            Assert.That(choices, Does.Contain(field.ScopeField), "a scope is a choice of the same condition");
            var scope = kind.Fields.Single(f => f.Name == field.ScopeField);
            Assert.That(field.ScopeEntities.Keys, Is.EquivalentTo(scope.Options.Select(o => o.Value)));
        }
    }

    [TestCaseSource(nameof(Cultures))]
    public void Every_label_the_builder_shows_has_a_text(string culture)
    {
        var resources = ResourceFilesTests.Resources(culture);
        var keys = ConditionCatalog.All.Select(k => k.LabelResourceKey)
            .Concat(Enum.GetValues<ConditionGroup>().Select(ConditionCatalog.GroupLabelResourceKey))
            .Concat(ConditionCatalog.All.SelectMany(k => k.Fields).SelectMany(f => f.Options).Select(o => o.LabelResourceKey));

        var missing = keys.Distinct().Where(key => !resources.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void The_builder_script_names_no_condition()
    {
        var script = File.ReadAllText(RepositoryFiles.Path("Views", "Admin", "SegmentBuilder.cshtml"));

        var named = ConditionCatalog.All.Select(k => k.Type).Where(type => Regex.IsMatch(script, $"['\"]{type}['\"]"));

        Assert.That(named, Is.Empty, "the builder's conditions come from the catalog");
    }

    [Test]
    public void The_builder_script_has_an_editor_for_every_kind_of_field()
    {
        var script = File.ReadAllText(RepositoryFiles.Path("Views", "Admin", "SegmentBuilder.cshtml"));
        var editors = EditorEntry().Matches(script).Select(m => m.Groups[1].Value).ToHashSet();

        var used = ConditionCatalog.All.SelectMany(k => k.Fields).Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.Editor.ToString()));

        Assert.That(used.Distinct(), Is.SubsetOf(editors));
    }

    // The entries of the script's "editors" map: "        range: {".
    [GeneratedRegex(@"^\s{8}(\w+): \{$", RegexOptions.Multiline)]
    private static partial Regex EditorEntry();
}
