using System.Runtime.CompilerServices;
using System.Xml.Linq;
using FluentAssertions;
using FluentValidation;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Validators;
using Nop.Services.Localization;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>The admin models' validators, with the messages the plugin's English resource file says.</summary>
[TestFixture]
public class AdminValidationTests : LoyaltyHarness
{
    private Dictionary<string, string> _english;
    private ILocalizationService _localization;

    private static string RepositoryFile(string relative, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", relative));

    /// <summary>The plugin's English resources, imported as installation imports them, and read from the file as expected messages.</summary>
    [OneTimeSetUp]
    public async Task ImportResourcesAsync()
    {
        var path = RepositoryFile("Localization/en-US.nopres.xml");
        _localization = GetService<ILocalizationService>();
        var language = (await GetService<ILanguageService>().GetAllLanguagesAsync(true)).First();
        using (var reader = new StreamReader(path))
            await _localization.ImportResourcesFromXmlAsync(language, reader);
        _english = XDocument.Load(path).Root!.Elements("LocaleResource")
            .ToDictionary(e => (string)e.Attribute("Name"), e => (string)e.Element("Value"), StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string[]> Errors<T>(IValidator<T> validator, T model) =>
        validator.Validate(model).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    [Test]
    public void ConfigureRefusesNegativeDayCountsAndNoTagIntervalWithTheResourceMessages()
    {
        var validator = new ConfigurationValidator(_localization);

        var errors = Errors(validator, new ConfigurationModel { PurgeAfterDays = -1, ExpiringSoonDays = -7, TagRecomputeIntervalMinutes = 0, GrantChunkSize = 5000 });

        errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            [nameof(ConfigurationModel.PurgeAfterDays)] = [_english["Plugins.Misc.Loyalty.Configuration.PurgeAfterDays.Invalid"]],
            [nameof(ConfigurationModel.ExpiringSoonDays)] = [_english["Plugins.Misc.Loyalty.Configuration.ExpiringSoonDays.Invalid"]],
            [nameof(ConfigurationModel.TagRecomputeIntervalMinutes)] = [_english["Plugins.Misc.Loyalty.Configuration.TagRecomputeIntervalMinutes.Invalid"]]
        });
        Errors(validator, new ConfigurationModel { PurgeAfterDays = 0, ExpiringSoonDays = 0, TagRecomputeIntervalMinutes = 1, GrantChunkSize = 5000 }).Should().BeEmpty();
    }

    [Test]
    public void TheCampaignStepRefusesMissingValuesAndLeavesTheCampaignRulesToTheEngine()
    {
        var validator = new GrantWizardModelValidator(_localization);

        var missing = Errors(validator, new GrantWizardModel { Step = GrantWizardStep.Content, Name = "  " });
        var outOfRange = Errors(validator, new GrantWizardModel
        {
            Step = GrantWizardStep.Content,
            Name = new string('n', GrantValidator.MaxNameLength + 1),
            Points = 0,
            ExpiresOn = DateTime.Now.AddDays(7)
        });

        missing.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            [nameof(GrantWizardModel.Name)] = [_english[ResourceKeys.NameRequired]],
            [nameof(GrantWizardModel.Points)] = [_english["Plugins.Misc.Loyalty.Wizard.Points.Required"]],
            [nameof(GrantWizardModel.ExpiresOn)] = [_english[ResourceKeys.ExpiryRequired]]
        });
        // the engine's preview reports these, once (the controller adds its errors to the form)
        outOfRange.Should().BeEmpty();
    }

    [Test]
    public void OnlyTheCampaignStepIsValidatedAndAGoodCampaignPasses()
    {
        var validator = new GrantWizardModelValidator(_localization);

        Errors(validator, new GrantWizardModel { Step = GrantWizardStep.Target }).Should().BeEmpty();
        Errors(validator, new GrantWizardModel { Step = GrantWizardStep.Confirm }).Should().BeEmpty();
        Errors(validator, new GrantWizardModel
        {
            Step = GrantWizardStep.Content,
            Name = "Spring campaign",
            Points = GrantValidator.MaxPoints,
            ExpiresOn = DateTime.Now.AddDays(7)
        }).Should().BeEmpty();
    }

    [Test]
    public void ASegmentNeedsANameThatFitsItsColumn()
    {
        var validator = new SegmentModelValidator(_localization);

        Errors(validator, new SegmentModel { Name = " ", DefinitionJson = "{}" })
            .Should().BeEquivalentTo(new Dictionary<string, string[]>
            {
                [nameof(SegmentModel.Name)] = [_english[LoyaltyDefaults.SegmentNameRequiredResource]]
            });
        Errors(validator, new SegmentModel { Name = new string('s', 201), Description = new string('d', 1001) })
            .Keys.Should().BeEquivalentTo(nameof(SegmentModel.Name), nameof(SegmentModel.Description));
        Errors(validator, new SegmentModel { Name = new string('s', 200), Description = new string('d', 1000), DefinitionJson = new string('j', 5000) })
            .Should().BeEmpty();
    }
}
