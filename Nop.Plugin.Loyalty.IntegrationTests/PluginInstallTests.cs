using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.ScheduleTasks;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

[TestFixture]
public class PluginInstallTests : LoyaltyHarness
{
    [Test]
    public async Task InstallAddsSettingsResourcesTemplateAndTasksAndUninstallRemovesThem()
    {
        ApplyMigration();
        var plugin = ActivatorUtilities.CreateInstance<LoyaltyPlugin>(ServiceProvider);
        var settings = GetService<ISettingService>();
        var localization = GetService<ILocalizationService>();
        var templates = GetService<IMessageTemplateService>();
        var tasks = GetService<IScheduleTaskService>();
        var language = (await GetService<ILanguageService>().GetAllLanguagesAsync(true)).First();

        await plugin.InstallAsync();

        (await settings.SettingExistsAsync(new LoyaltySettings(), s => s.PurgeAfterDays)).Should().BeTrue();
        (await settings.LoadSettingAsync<LoyaltySettings>()).GrantChunkSize.Should().Be(1000);
        (await localization.GetLocaleStringResourceByNameAsync(LoyaltyDefaults.RevokedMessageResource, language.Id, false))
            .Should().NotBeNull("Localization/*.xml is imported for {0}", language.LanguageCulture);
        (await templates.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Should().ContainSingle();
        foreach (var (_, type, seconds) in LoyaltyPlugin.Tasks)
            (await tasks.GetTaskByTypeAsync(type)).Seconds.Should().Be(seconds);
        plugin.GetConfigurationPageUrl().Should().Be("/Admin/Loyalty/Configure");

        await plugin.UninstallAsync();

        (await settings.SettingExistsAsync(new LoyaltySettings(), s => s.PurgeAfterDays)).Should().BeFalse();
        (await localization.GetLocaleStringResourceByNameAsync(LoyaltyDefaults.RevokedMessageResource, language.Id, false)).Should().BeNull();
        (await templates.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Should().BeEmpty();
        foreach (var (_, type, _) in LoyaltyPlugin.Tasks)
            (await tasks.GetTaskByTypeAsync(type)).Should().BeNull();
    }
}
