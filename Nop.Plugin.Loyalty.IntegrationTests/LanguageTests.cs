using System.Xml.Linq;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Loyalty.Services.Localization;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// The plugin's texts in the store's languages: a language added after installation gets its culture's resources (English
/// when none is shipped) and the grant email; at installation, the tasks are named in the admin's default language.
/// Expected texts come from the resource files as shipped.
/// </summary>
[TestFixture]
public class LanguageTests : LoyaltyHarness
{
    private static readonly string Prefix = LoyaltyDefaults.ResourcePrefix + ".";

    private static Dictionary<string, string> Shipped(string culture) =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Localization", $"{culture}.nopres.xml")).Root!
            .Elements("LocaleResource")
            .ToDictionary(e => (string)e.Attribute("Name")!, e => (string)e.Element("Value") ?? "", StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Lower(IEnumerable<string> keys) => keys.Select(k => k.ToLowerInvariant());

    private static Language NewLanguage(string name, string culture) => new()
    {
        Name = name,
        LanguageCulture = culture,
        UniqueSeoCode = culture[..2],
        Published = true,
        DisplayOrder = 100
    };

    /// <summary>The plugin's resources a language has, by key.</summary>
    private static async Task<Dictionary<string, string>> StoredAsync(Language language) =>
        (await GetService<IRepository<LocaleStringResource>>().Table
            .Where(r => r.LanguageId == language.Id && r.ResourceName.ToLower().StartsWith(Prefix.ToLower()))
            .ToListAsync())
        .ToDictionary(r => r.ResourceName, r => r.ResourceValue, StringComparer.OrdinalIgnoreCase);

    private static Task<string> LocalizedTemplateAsync(MessageTemplate template, Language language, string property) =>
        GetService<ILocalizedEntityService>().GetLocalizedValueAsync(language.Id, template.Id, nameof(MessageTemplate), property);

    /// <summary>Counts the plugin as installed (its event consumers act only then) while <paramref name="body"/> runs.</summary>
    private static async Task AsInstalledAsync(LoyaltyPlugin plugin, Func<Task> body)
    {
        var descriptor = new PluginDescriptor
        {
            PluginType = typeof(LoyaltyPlugin),
            SystemName = LoyaltyDefaults.SystemName,
            FriendlyName = "Loyalty",
            Installed = true,
            ReferencedAssembly = typeof(LoyaltyPlugin).Assembly
        };
        plugin.PluginDescriptor = descriptor;
        var descriptors = Singleton<IPluginsInfo>.Instance.PluginDescriptors;
        descriptors.Add((descriptor, true));
        try
        {
            await body();
        }
        finally
        {
            descriptors.Remove(descriptors.First(d => d.pluginDescriptor == descriptor));
        }
    }

    [Test]
    public async Task ALanguageAddedAfterInstallationGetsItsCulturesTextsOrEnglish()
    {
        ApplyMigration();
        var plugin = ActivatorUtilities.CreateInstance<LoyaltyPlugin>(ServiceProvider);
        var languages = GetService<ILanguageService>();
        var localization = GetService<ILocalizationService>();
        var japaneseTexts = Shipped("ja-JP");
        var englishTexts = Shipped("en-US");
        var subjectKey = Prefix + "MessageTemplates.Granted.Subject";
        var bodyKey = Prefix + "MessageTemplates.Granted.Body";
        Language japanese = null, german = null;

        await plugin.InstallAsync();
        try
        {
            await AsInstalledAsync(plugin, async () =>
            {
                japanese = NewLanguage("日本語", "ja-JP");
                await languages.InsertLanguageAsync(japanese);
                german = NewLanguage("Deutsch", "de-DE");
                await languages.InsertLanguageAsync(german);
            });

            // Japanese: every resource of the Japanese file, the plugin's name, the email.
            var stored = await StoredAsync(japanese);
            Lower(stored.Keys).Should().BeEquivalentTo(Lower(japaneseTexts.Keys.Where(k => k.StartsWith(Prefix))));
            stored[Prefix + "Menu.SpecialPoints"].Should().Be(japaneseTexts[Prefix + "Menu.SpecialPoints"]).And.NotBe(englishTexts[Prefix + "Menu.SpecialPoints"]);
            (await localization.GetLocalizedFriendlyNameAsync(plugin, japanese.Id))
                .Should().Be(japaneseTexts[$"Plugins.FriendlyName.{LoyaltyDefaults.SystemName}"]);
            var template = (await GetService<IMessageTemplateService>().GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Single();
            template.Subject.Should().Be(englishTexts[subjectKey], "the template itself is in the store's main language");
            (await LocalizedTemplateAsync(template, japanese, nameof(MessageTemplate.Subject))).Should().Be(japaneseTexts[subjectKey]);
            (await LocalizedTemplateAsync(template, japanese, nameof(MessageTemplate.Body))).Should().Be(japaneseTexts[bodyKey]);

            // German, which the plugin has no file for: English, and no raw keys anywhere.
            var germanStored = await StoredAsync(german);
            germanStored.Keys.Should().BeEquivalentTo(stored.Keys);
            germanStored[Prefix + "Menu.SpecialPoints"].Should().Be(englishTexts[Prefix + "Menu.SpecialPoints"]);
            germanStored.Values.Should().NotContain(v => v.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase));
            (await LocalizedTemplateAsync(template, german, nameof(MessageTemplate.Subject))).Should().BeNullOrEmpty();

            // A Japanese customer's grant email is the Japanese one.
            await CreateServicesAsync(chunkSize: 1000);
            var customers = await CreateCustomersAsync(1, "japanese");
            customers[0].LanguageId = japanese.Id;
            await GetService<ICustomerService>().UpdateCustomerAsync(customers[0]);
            await GrantAsync("春のキャンペーン", 7, customers, DateTime.UtcNow.AddDays(7));
            var email = await GetService<IRepository<QueuedEmail>>().Table.SingleAsync(e => e.To == customers[0].Email);
            email.Subject.Should().Contain("春のキャンペーン").And.Contain("ポイントを付与しました");
            email.Body.Should().Contain("ポイントを付与しました").And.NotContain("%Loyalty.");
        }
        finally
        {
            await plugin.UninstallAsync();
            foreach (var language in new[] { japanese, german }.Where(l => l?.Id > 0))
                await languages.DeleteLanguageAsync(language);
        }
    }

    [Test]
    public async Task InstallationNamesTheTasksInTheAdminsLanguageAndUninstallationRemovesTheTranslations()
    {
        ApplyMigration();
        var languages = GetService<ILanguageService>();
        var settings = GetService<ISettingService>();
        var localizationSettings = await settings.LoadSettingAsync<LocalizationSettings>();
        var adminLanguageId = localizationSettings.DefaultAdminLanguageId;
        var japaneseTexts = Shipped("ja-JP");
        var japanese = NewLanguage("日本語", "ja-JP");
        await languages.InsertLanguageAsync(japanese);
        localizationSettings.DefaultAdminLanguageId = japanese.Id;
        await settings.SaveSettingAsync(localizationSettings, s => s.DefaultAdminLanguageId);
        var plugin = ActivatorUtilities.CreateInstance<LoyaltyPlugin>(ServiceProvider);
        try
        {
            await plugin.InstallAsync();

            foreach (var (_, type, _) in LoyaltyPlugin.Tasks)
                (await GetService<IScheduleTaskService>().GetTaskByTypeAsync(type)).Name
                    .Should().Be(japaneseTexts[LoyaltyDefaults.TaskNameResources[type]]);
            (await StoredAsync(japanese))[Prefix + "Menu.SpecialPoints"].Should().Be(japaneseTexts[Prefix + "Menu.SpecialPoints"]);
            var template = (await GetService<IMessageTemplateService>().GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Single();
            (await LocalizedTemplateAsync(template, japanese, nameof(MessageTemplate.Subject))).Should().NotBeNullOrEmpty();
            var couponTemplate = (await GetService<IMessageTemplateService>().GetMessageTemplatesByNameAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName)).Single();
            (await LocalizedTemplateAsync(couponTemplate, japanese, nameof(MessageTemplate.Body)))
                .Should().Be(japaneseTexts[Prefix + "Coupons.Email.Body"], "the coupon email has its Japanese text");

            await plugin.UninstallAsync();

            (await GetService<IMessageTemplateService>().GetMessageTemplatesByNameAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName))
                .Should().BeEmpty();
            (await LocalizedTemplateAsync(couponTemplate, japanese, nameof(MessageTemplate.Body))).Should().BeNullOrEmpty();

            (await LocalizedTemplateAsync(template, japanese, nameof(MessageTemplate.Subject))).Should().BeNullOrEmpty();
            (await LocalizedTemplateAsync(template, japanese, nameof(MessageTemplate.Body))).Should().BeNullOrEmpty();
            (await StoredAsync(japanese)).Should().BeEmpty();
            (await GetService<ILocalizationService>().GetLocaleStringResourceByNameAsync(
                $"Plugins.FriendlyName.{LoyaltyDefaults.SystemName}", japanese.Id, false)).Should().BeNull();
        }
        finally
        {
            localizationSettings.DefaultAdminLanguageId = adminLanguageId;
            await settings.SaveSettingAsync(localizationSettings, s => s.DefaultAdminLanguageId);
            await languages.DeleteLanguageAsync(japanese);
        }
    }

    [Test]
    public async Task AnUpdateAddsNewTextsKeepsEditedOnesAndDropsTheOnesNoLongerShipped()
    {
        ApplyMigration();
        var plugin = ActivatorUtilities.CreateInstance<LoyaltyPlugin>(ServiceProvider);
        var localization = GetService<ILocalizationService>();
        var language = (await GetService<ILanguageService>().GetAllLanguagesAsync(true)).First();
        var texts = Shipped(language.LanguageCulture);
        var added = Prefix + "Count.Points.One";
        var edited = Prefix + "Menu.SpecialPoints";
        var obsolete = Prefix + "MyPoints.PointsValue";

        await plugin.InstallAsync();
        try
        {
            // As a store on an older version: a text it lacked, one its admin edited, one the plugin no longer ships.
            await localization.DeleteLocaleResourcesAsync([added]);
            var resource = await localization.GetLocaleStringResourceByNameAsync(edited, language.Id, false);
            resource.ResourceValue = "Campaign points";
            await localization.UpdateLocaleStringResourceAsync(resource);
            await localization.InsertLocaleStringResourceAsync(new LocaleStringResource
            {
                LanguageId = language.Id, ResourceName = obsolete, ResourceValue = "{0} points"
            });
            // The name an older release shipped: the plugin's name follows the release.
            var name = await localization.GetLocaleStringResourceByNameAsync(LoyaltyLanguageSetup.FriendlyNameResource, language.Id, false);
            name.ResourceValue = "Loyalty: special points";
            await localization.UpdateLocaleStringResourceAsync(name);

            await plugin.UpdateAsync("1.1.0", "1.2.0");

            (await localization.GetResourceAsync(LoyaltyLanguageSetup.FriendlyNameResource, language.Id, false, "", true))
                .Should().Be(texts[LoyaltyLanguageSetup.FriendlyNameResource]);

            var stored = await StoredAsync(language);
            stored[added].Should().Be(texts[added]);
            stored[edited].Should().Be("Campaign points");
            stored.Should().NotContainKey(obsolete);
            Lower(stored.Keys).Should().BeEquivalentTo(Lower(texts.Keys.Where(k => k.StartsWith(Prefix))));
        }
        finally
        {
            await plugin.UninstallAsync();
        }
    }
}
