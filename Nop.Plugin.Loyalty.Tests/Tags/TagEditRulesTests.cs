using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Tests.Tags;

public sealed class TagEditRulesTests
{
    private static string[] Keys(string? name, string? color = "#3c8dbc", TagKind kind = TagKind.Manual, bool hasRule = false,
        params string[] otherRoles) =>
        TagEditRules.Validate(name, color, kind, hasRule, otherRoles).Select(e => e.ResourceKey).ToArray();

    [Test]
    public void A_manual_tag_with_a_free_name_and_a_colour_is_valid() =>
        Assert.That(Keys("VIP", "#A1b2C3", TagKind.Manual, false, "Registered", "Guests"), Is.Empty);

    [Test]
    public void The_name_is_required_and_fits_the_role_name_column()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Keys("  "), Is.EqualTo(new[] { TagResourceKeys.NameRequired }));
            Assert.That(Keys(new string('x', TagEditRules.NameMaxLength)), Is.Empty);
            Assert.That(Keys(new string('x', TagEditRules.NameMaxLength + 1)), Is.EqualTo(new[] { TagResourceKeys.NameTooLong }));
        });
    }

    [Test]
    public void A_name_another_role_carries_is_taken_whatever_its_case_and_spaces() =>
        Assert.That(Keys(" vip ", "#000000", TagKind.Manual, false, "Registered", "VIP"), Is.EqualTo(new[] { TagResourceKeys.NameTaken }));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("3c8dbc")]
    [TestCase("#3c8db")]
    [TestCase("#3c8dbcc")]
    [TestCase("#3c8dbg")]
    [TestCase("red")]
    public void The_colour_must_be_rrggbb(string? color) =>
        Assert.That(Keys("VIP", color), Is.EqualTo(new[] { TagResourceKeys.ColorInvalid }));

    [Test]
    public void An_automatic_tag_needs_a_rule()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Keys("Gold", kind: TagKind.Automatic), Is.EqualTo(new[] { TagResourceKeys.RuleRequired }));
            Assert.That(Keys("Gold", kind: TagKind.Automatic, hasRule: true), Is.Empty);
        });
    }

    [Test]
    public void A_group_name_is_required_and_unique_among_groups()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TagEditRules.ValidateGroup("", []).Select(e => e.ResourceKey), Is.EqualTo(new[] { TagResourceKeys.GroupNameRequired }));
            Assert.That(TagEditRules.ValidateGroup("Ranks", ["ranks"]).Select(e => e.ResourceKey), Is.EqualTo(new[] { TagResourceKeys.GroupNameTaken }));
            Assert.That(TagEditRules.ValidateGroup("Ranks", ["Regions"]), Is.Empty);
        });
    }

    [Test]
    public void Every_tag_message_has_a_text_in_both_languages()
    {
        foreach (var culture in new[] { "en-US", "ja-JP" })
        {
            var text = File.ReadAllText(Infrastructure.RepositoryFiles.Path("Localization", $"{culture}.nopres.xml"));
            foreach (var key in TagResourceKeys.All)
                Assert.That(text, Does.Contain($"Name=\"{key}\""), $"{culture}: {key}");
        }
    }
}
