using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Core.Infrastructure;
using Nop.Plugin.Loyalty.Components;
using Nop.Services.Cms;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Services.Security;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Loyalty;

/// <summary>
/// Loyalty: special points, segments, member tags, shareable coupons. Install adds settings, locale resources
/// (Localization/*.xml), the message template and the scheduled tasks; the tables come from the plugin's migration
/// and the permission from LoyaltyPermissionConfigManager. Uninstall removes them all (tables by the migration's Down).
/// </summary>
public class LoyaltyPlugin : BasePlugin, IWidgetPlugin, IMiscPlugin
{
    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly IEmailAccountService _emailAccountService;
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly INopFileProvider _fileProvider;
    private readonly IPermissionService _permissionService;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ISettingService _settingService;
    private readonly WidgetSettings _widgetSettings;

    public LoyaltyPlugin(EmailAccountSettings emailAccountSettings,
        IEmailAccountService emailAccountService,
        ILanguageService languageService,
        ILocalizationService localizationService,
        IMessageTemplateService messageTemplateService,
        INopFileProvider fileProvider,
        IPermissionService permissionService,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        WidgetSettings widgetSettings)
    {
        _emailAccountSettings = emailAccountSettings;
        _emailAccountService = emailAccountService;
        _languageService = languageService;
        _localizationService = localizationService;
        _messageTemplateService = messageTemplateService;
        _fileProvider = fileProvider;
        _permissionService = permissionService;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _widgetSettings = widgetSettings;
    }

    /// <summary>Locale resources outside the plugin's prefix that the plugin's XML files also carry.</summary>
    public static readonly string[] ExtraResourceNames =
    [
        $"Admin.ContentManagement.MessageTemplates.Description.{LoyaltyDefaults.GrantedMessageTemplateName}",
        $"Security.Permission.{LoyaltyDefaults.ManageLoyaltyPermission}"
    ];

    /// <summary>The plugin's scheduled tasks: name, type, interval.</summary>
    public static readonly (string Name, string Type, int Seconds)[] Tasks =
    [
        (LoyaltyDefaults.ExpirePointsTaskName, LoyaltyDefaults.ExpirePointsTaskType, LoyaltyDefaults.ExpirePointsTaskSeconds),
        (LoyaltyDefaults.PurgeExpiredPointsTaskName, LoyaltyDefaults.PurgeExpiredPointsTaskType, LoyaltyDefaults.PurgeExpiredPointsTaskSeconds),
        (LoyaltyDefaults.ResumeGrantsTaskName, LoyaltyDefaults.ResumeGrantsTaskType, LoyaltyDefaults.ResumeGrantsTaskSeconds),
        (LoyaltyDefaults.FillPurchaseLinesTaskName, LoyaltyDefaults.FillPurchaseLinesTaskType, LoyaltyDefaults.FillPurchaseLinesTaskSeconds),
        (LoyaltyDefaults.RemoveAbandonedListsTaskName, LoyaltyDefaults.RemoveAbandonedListsTaskType, LoyaltyDefaults.RemoveAbandonedListsTaskSeconds)
    ];

    #region Widgets

    public bool HideInWidgetList => true;

    public Task<IList<string>> GetWidgetZonesAsync() =>
        Task.FromResult<IList<string>>(new List<string> { PublicWidgetZones.AccountNavigationAfter, AdminWidgetZones.CustomerDetailsBlock });

    public Type GetWidgetViewComponent(string widgetZone)
    {
        if (widgetZone == PublicWidgetZones.AccountNavigationAfter)
            return typeof(MyPointsNavigationViewComponent);
        if (widgetZone == AdminWidgetZones.CustomerDetailsBlock)
            return typeof(AdminCustomerPointsViewComponent);
        return null;
    }

    #endregion

    public override string GetConfigurationPageUrl() => LoyaltyDefaults.ConfigurationPath;

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new LoyaltySettings());

        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(LoyaltyDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(LoyaltyDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        await ImportResourcesAsync();
        await InstallMessageTemplateAsync();
        await InstallTasksAsync();

        await base.InstallAsync();
    }

    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<LoyaltySettings>();

        if (_widgetSettings.ActiveWidgetSystemNames.Contains(LoyaltyDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Remove(LoyaltyDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        foreach (var template in await _messageTemplateService.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName))
            await _messageTemplateService.DeleteMessageTemplateAsync(template);

        foreach (var (_, type, _) in Tasks)
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) is { } task)
                await _scheduleTaskService.DeleteTaskAsync(task);

        var permission = (await _permissionService.GetAllPermissionRecordsAsync())
            .FirstOrDefault(p => p.SystemName == LoyaltyDefaults.ManageLoyaltyPermission);
        if (permission != null)
            await _permissionService.DeletePermissionRecordAsync(permission);

        await _localizationService.DeleteLocaleResourcesAsync(LoyaltyDefaults.ResourcePrefix);
        await _localizationService.DeleteLocaleResourcesAsync(ExtraResourceNames.ToList());

        await base.UninstallAsync();
    }

    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        // New resources of a newer version; existing translations are kept as the store owner may have edited them.
        await ImportResourcesAsync(updateExisting: false);
        // Tasks added since the installed version (the purchase table's fill); the table itself comes from its migration.
        await InstallTasksAsync();
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    #region Install helpers

    private async Task InstallTasksAsync()
    {
        foreach (var (name, type, seconds) in Tasks)
        {
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) != null)
                continue;
            await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = name,
                Type = type,
                Seconds = seconds,
                Enabled = true,
                LastEnabledUtc = DateTime.UtcNow,
                StopOnError = false
            });
        }
    }

    private async Task InstallMessageTemplateAsync()
    {
        if ((await _messageTemplateService.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Any())
            return;

        var emailAccount = await _emailAccountService.GetEmailAccountByIdAsync(_emailAccountSettings.DefaultEmailAccountId)
                           ?? (await _emailAccountService.GetAllEmailAccountsAsync()).FirstOrDefault();

        var nl = Environment.NewLine;
        await _messageTemplateService.InsertMessageTemplateAsync(new MessageTemplate
        {
            Name = LoyaltyDefaults.GrantedMessageTemplateName,
            Subject = "%Store.Name%. You received %Loyalty.Points% points: %Loyalty.Campaign%",
            Body = $"<p>{nl}<a href=\"%Store.URL%\">%Store.Name%</a>{nl}<br />{nl}<br />{nl}" +
                   $"Hello %Customer.FullName%,{nl}<br />{nl}<br />{nl}" +
                   $"You have received <strong>%Loyalty.Points%</strong> reward points from our campaign \"%Loyalty.Campaign%\".{nl}<br />{nl}" +
                   $"Use them at checkout before %Loyalty.ExpiresOn%; after that date unused points expire.{nl}<br />{nl}<br />{nl}" +
                   $"Your reward points balance: %Loyalty.Balance% points.{nl}</p>{nl}",
            IsActive = true,
            EmailAccountId = emailAccount?.Id ?? 0
        });
    }

    /// <summary>
    /// Imports Localization/*.xml from the plugin's folder into every installed language: the file whose culture
    /// matches the language's ("ja-JP"), else one with the same two letters ("ja"), else English.
    /// A file's culture is its root's SupportedCulture attribute or the culture named in its file name.
    /// </summary>
    private async Task ImportResourcesAsync(bool updateExisting = true)
    {
        var directory = GetLocalizationDirectory();
        if (directory == null)
            return;

        var files = new List<(string Culture, string Path)>();
        foreach (var path in _fileProvider.GetFiles(directory, "*.xml"))
        {
            var culture = await ReadCultureAsync(path);
            if (!string.IsNullOrEmpty(culture))
                files.Add((culture, path));
        }

        if (files.Count == 0)
            return;

        static string TwoLetters(string culture) => culture.Split('-')[0].ToLowerInvariant();

        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
        {
            var languageCulture = language.LanguageCulture ?? "en-US";
            var file = files.FirstOrDefault(f => string.Equals(f.Culture, languageCulture, StringComparison.OrdinalIgnoreCase));
            if (file.Path == null)
                file = files.FirstOrDefault(f => TwoLetters(f.Culture) == TwoLetters(languageCulture));
            if (file.Path == null)
                file = files.FirstOrDefault(f => TwoLetters(f.Culture) == "en");
            if (file.Path == null)
                continue;

            using var reader = new StreamReader(file.Path, Encoding.UTF8);
            await _localizationService.ImportResourcesFromXmlAsync(language, reader, updateExisting);
        }
    }

    private string GetLocalizationDirectory()
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(PluginDescriptor?.OriginalAssemblyFile))
            candidates.Add(_fileProvider.Combine(_fileProvider.GetDirectoryName(PluginDescriptor.OriginalAssemblyFile), "Localization"));
        candidates.Add(_fileProvider.MapPath($"~/Plugins/{LoyaltyDefaults.SystemName}/Localization"));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "Localization"));
        var assemblyDirectory = Path.GetDirectoryName(GetType().Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory))
            candidates.Add(Path.Combine(assemblyDirectory, "Localization"));

        return candidates.FirstOrDefault(_fileProvider.DirectoryExists);
    }

    private async Task<string> ReadCultureAsync(string path)
    {
        try
        {
            var root = XDocument.Parse(await _fileProvider.ReadAllTextAsync(path, Encoding.UTF8)).Root;
            var attribute = root?.Attribute("SupportedCulture")?.Value ?? root?.Attribute("Culture")?.Value;
            if (!string.IsNullOrWhiteSpace(attribute))
                return attribute.Trim();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        // Culture in the file name: "ja-JP.xml", "resources.ja-JP.xml", "Loyalty.ja.xml".
        foreach (var part in _fileProvider.GetFileNameWithoutExtension(path).Split('.', '_', ' ').AsEnumerable().Reverse())
        {
            try
            {
                if (part.Length >= 2 && !CultureInfo.GetCultureInfo(part).Equals(CultureInfo.InvariantCulture)
                    && CultureInfo.GetCultures(CultureTypes.AllCultures).Any(c => string.Equals(c.Name, part, StringComparison.OrdinalIgnoreCase)))
                    return part;
            }
            catch (CultureNotFoundException)
            {
            }
        }

        return null;
    }

    #endregion
}
