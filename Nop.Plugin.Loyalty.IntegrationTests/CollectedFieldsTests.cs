using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>nopCommerce's customer settings as the fields a segment can rely on, and the builder's warnings for the others.</summary>
[TestFixture]
public class CollectedFieldsTests : LoyaltyHarness
{
    private CustomerSettings _original;
    private Dictionary<string, string> _english;

    private static string RepositoryFile(string relative, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", relative));

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync();
        var path = RepositoryFile("Localization/en-US.nopres.xml");
        var language = (await GetService<ILanguageService>().GetAllLanguagesAsync(true)).First();
        using (var reader = new StreamReader(path))
            await GetService<ILocalizationService>().ImportResourcesFromXmlAsync(language, reader);
        _english = XDocument.Load(path).Root!.Elements("LocaleResource")
            .ToDictionary(e => (string)e.Attribute("Name"), e => (string)e.Element("Value"), StringComparer.OrdinalIgnoreCase);
        _original = await GetService<ISettingService>().LoadSettingAsync<CustomerSettings>();
    }

    [TearDown]
    public async Task RestoreSettingsAsync() => await GetService<ISettingService>().SaveSettingAsync(_original);

    private async Task SaveAsync(Action<CustomerSettings> change)
    {
        var settings = await GetService<ISettingService>().LoadSettingAsync<CustomerSettings>();
        change(settings);
        await GetService<ISettingService>().SaveSettingAsync(settings);
    }

    private Task<IReadOnlySet<CustomerField>> CollectedAsync() =>
        ActivatorUtilities.CreateInstance<CollectedCustomerFields>(ServiceProvider).GetAsync();

    [Test]
    public async Task EachSwitchedOffFieldIsNotCollected()
    {
        await SaveAsync(s =>
        {
            s.DateOfBirthEnabled = false;
            s.GenderEnabled = true;
            s.CountryEnabled = true;
            s.StateProvinceEnabled = true;
            s.NewsletterEnabled = false;
            s.HideNewsletterBlock = true;
        });
        (await CollectedAsync()).Should().BeEquivalentTo([CustomerField.Gender, CustomerField.Country, CustomerField.StateProvince]);

        // The state field is only offered with the country; the newsletter block alone still takes subscriptions.
        await SaveAsync(s =>
        {
            s.DateOfBirthEnabled = true;
            s.GenderEnabled = false;
            s.CountryEnabled = false;
            s.HideNewsletterBlock = false;
        });
        (await CollectedAsync()).Should().BeEquivalentTo([CustomerField.DateOfBirth, CustomerField.Newsletter]);
    }

    [Test]
    public async Task TheBuilderAndThePreviewWarnAboutConditionsOnFieldsTheStoreDoesNotCollect()
    {
        await SaveAsync(s =>
        {
            s.DateOfBirthEnabled = false;
            s.GenderEnabled = true;
        });
        var factory = ActivatorUtilities.CreateInstance<SegmentModelFactory>(ServiceProvider, (ISegmentService)Segments, Describer,
            ActivatorUtilities.CreateInstance<CollectedCustomerFields>(ServiceProvider));
        var birthdayWarning = _english["Plugins.Misc.Loyalty.Warnings.Segment.NotCollected.DateOfBirth"];

        var warnings = await factory.PrepareWarningsAsync(new SegmentDefinition(new SegmentGroup(GroupMatch.All,
            [new GenderCondition(["F"]), new BirthdayCondition(BirthdayPeriod.CurrentMonth)])));
        var model = await factory.PrepareSegmentModelAsync(null, null);
        using var data = JsonDocument.Parse(model.BuilderDataJson);
        var kinds = data.RootElement.GetProperty("conditions").EnumerateArray()
            .ToDictionary(k => k.GetProperty("type").GetString(), k => k.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList());
        var months = data.RootElement.GetProperty("monthNames").EnumerateArray().Select(m => m.GetString()).ToList();

        warnings.Select(w => (w.Field, w.Message)).Should().Equal(("root.children[1]", birthdayWarning));
        kinds["birthday"].Should().Equal(birthdayWarning);
        kinds["gender"].Should().BeEmpty();
        kinds["orderCount"].Should().BeEmpty();
        months.Should().HaveCount(12);
        months[0].Should().Be("January");
        months[11].Should().Be("December");
    }
}
