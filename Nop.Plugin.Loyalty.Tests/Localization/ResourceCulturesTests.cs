using Nop.Plugin.Loyalty.Engine.Localization;

namespace Nop.Plugin.Loyalty.Tests.Localization;

public class ResourceCulturesTests
{
    private static readonly string[] Shipped = ["en-US", "ja-JP"];

    [TestCase("ja-JP", ExpectedResult = "ja-JP")]
    [TestCase("JA-jp", ExpectedResult = "ja-JP")]
    [TestCase("ja", ExpectedResult = "ja-JP")]
    [TestCase("en-GB", ExpectedResult = "en-US")]
    [TestCase("de-DE", ExpectedResult = "en-US")]
    [TestCase("", ExpectedResult = "en-US")]
    [TestCase(null, ExpectedResult = "en-US")]
    [TestCase("not a culture", ExpectedResult = "en-US")]
    public string? A_language_gets_its_culture_else_its_language_else_English(string? languageCulture) =>
        ResourceCultures.Pick(languageCulture, Shipped);

    [Test]
    public void A_dropped_file_serves_its_culture_and_the_other_countries_of_its_language()
    {
        string[] shipped = ["en-US", "ja-JP", "de-DE"];

        Assert.Multiple(() =>
        {
            Assert.That(ResourceCultures.Pick("de-DE", shipped), Is.EqualTo("de-DE"));
            Assert.That(ResourceCultures.Pick("de-AT", shipped), Is.EqualTo("de-DE"));
            Assert.That(ResourceCultures.Pick("fr-FR", shipped), Is.EqualTo("en-US"));
        });
    }

    [Test]
    public void A_neutral_file_comes_before_a_sibling_country()
    {
        Assert.That(ResourceCultures.Pick("de-AT", ["en-US", "de-CH", "de"]), Is.EqualTo("de"));
    }

    [Test]
    public void Chinese_in_one_script_never_gets_the_other_script()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResourceCultures.Pick("zh-TW", ["en-US", "zh-CN"]), Is.EqualTo("en-US"));
            Assert.That(ResourceCultures.Pick("zh-HK", ["en-US", "zh-CN", "zh-TW"]), Is.EqualTo("zh-TW"));
        });
    }

    [Test]
    public void Without_English_a_language_of_its_own_or_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResourceCultures.Pick("de-DE", ["ja-JP"]), Is.Null);
            Assert.That(ResourceCultures.Pick("de-DE", ["ja-JP", "en-GB"]), Is.EqualTo("en-GB"));
            Assert.That(ResourceCultures.Pick("ja-JP", []), Is.Null);
        });
    }
}
