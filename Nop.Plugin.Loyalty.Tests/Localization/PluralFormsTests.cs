using Nop.Plugin.Loyalty.Engine.Localization;

namespace Nop.Plugin.Loyalty.Tests.Localization;

public class PluralFormsTests
{
    [TestCase(1, ExpectedResult = "Points.One")]
    [TestCase(-1, ExpectedResult = "Points.One")]
    [TestCase(0, ExpectedResult = "Points.Other")]
    [TestCase(2, ExpectedResult = "Points.Other")]
    [TestCase(11, ExpectedResult = "Points.Other")]
    [TestCase(1_000_001, ExpectedResult = "Points.Other")]
    public string English_says_one_thing_for_exactly_one(long count) => PluralForms.Key("Points", count, "en-US");

    [TestCase("ja-JP", 1, ExpectedResult = "Points.One")]
    [TestCase(null, 1, ExpectedResult = "Points.One")]
    [TestCase(null, 0, ExpectedResult = "Points.Other")]
    [TestCase("fr-FR", 0, ExpectedResult = "Points.One")]
    [TestCase("fr-FR", 1, ExpectedResult = "Points.One")]
    [TestCase("fr-FR", 2, ExpectedResult = "Points.Other")]
    [TestCase("pt-BR", 0, ExpectedResult = "Points.One")]
    [TestCase("pt-PT", 0, ExpectedResult = "Points.Other")]
    public string Other_languages_follow_their_rule(string? culture, long count) => PluralForms.Key("Points", count, culture);
}
