using System.Linq.Expressions;
using System.Text;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services.Localization;

/// <summary>
/// Gives the store's languages the plugin's texts in their culture (English when none is shipped): locale resources,
/// including the plugin's friendly name, and the grant email's subject and body. Runs at install and update for every
/// language and when a language is added.
/// </summary>
public class LoyaltyLanguageSetup
{
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly ILocalizedEntityService _localizedEntityService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly INopFileProvider _fileProvider;
    private readonly IPluginService _pluginService;
    private readonly IRepository<LocaleStringResource> _resourceRepository;
    private readonly LocalizationSettings _localizationSettings;
    private LoyaltyResourceFiles _files;

    public LoyaltyLanguageSetup(ILanguageService languageService,
        ILocalizationService localizationService,
        ILocalizedEntityService localizedEntityService,
        IMessageTemplateService messageTemplateService,
        INopFileProvider fileProvider,
        IPluginService pluginService,
        IRepository<LocaleStringResource> resourceRepository,
        LocalizationSettings localizationSettings)
    {
        _languageService = languageService;
        _localizationService = localizationService;
        _localizedEntityService = localizedEntityService;
        _messageTemplateService = messageTemplateService;
        _fileProvider = fileProvider;
        _pluginService = pluginService;
        _resourceRepository = resourceRepository;
        _localizationSettings = localizationSettings;
    }

    /// <summary>Resources of the grant email's subject and body.</summary>
    public const string GrantedSubjectResource = LoyaltyDefaults.ResourcePrefix + ".MessageTemplates.Granted.Subject";
    public const string GrantedBodyResource = LoyaltyDefaults.ResourcePrefix + ".MessageTemplates.Granted.Body";

    /// <summary>nopCommerce's key for a plugin's localized name.</summary>
    public const string FriendlyNameResource = "Plugins.FriendlyName." + LoyaltyDefaults.SystemName;

    /// <summary>Resources of the coupon email's subject and body.</summary>
    public const string CouponIssuedSubjectResource = LoyaltyDefaults.ResourcePrefix + ".Coupons.Email.Subject";
    public const string CouponIssuedBodyResource = LoyaltyDefaults.ResourcePrefix + ".Coupons.Email.Body";

    /// <summary>The plugin's message templates and the resources of their subject and body.</summary>
    private static readonly (string Template, string Subject, string Body)[] TemplateTexts =
    [
        (LoyaltyDefaults.GrantedMessageTemplateName, GrantedSubjectResource, GrantedBodyResource),
        (LoyaltyDefaults.CouponIssuedMessageTemplateName, CouponIssuedSubjectResource, CouponIssuedBodyResource)
    ];

    /// <summary>Every language of the store (install; update with <paramref name="updateExisting"/> false keeps edited texts).</summary>
    public virtual async Task SetUpLanguagesAsync(bool updateExisting)
    {
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
            await SetUpLanguageAsync(language, updateExisting);
    }

    /// <summary>One language: its culture's resources and, where they differ from the template's own, the email's texts.</summary>
    public virtual async Task SetUpLanguageAsync(Language language, bool updateExisting = false)
    {
        var files = await GetFilesAsync();
        var file = files.For(language.LanguageCulture);
        if (file == null)
            return;

        using (var reader = new StreamReader(file.Path, Encoding.UTF8))
            await _localizationService.ImportResourcesFromXmlAsync(language, reader, updateExisting);

        await LocalizeGrantedTemplateAsync(language, file);
    }

    /// <summary>The grant email's subject and body for the template itself: in the store's main language.</summary>
    public virtual async Task<(string Subject, string Body)> GetGrantedTemplateTextsAsync()
    {
        var file = await MainFileAsync();
        return (file?[GrantedSubjectResource], file?[GrantedBodyResource]);
    }

    /// <summary>The coupon email's subject and body for the template itself: in the store's main language.</summary>
    public virtual async Task<(string Subject, string Body)> GetCouponIssuedTemplateTextsAsync()
    {
        var file = await MainFileAsync();
        return (file?[CouponIssuedSubjectResource], file?[CouponIssuedBodyResource]);
    }

    /// <summary>
    /// A scheduled task's name in the admin's default language: nopCommerce keeps one name per task and shows it as
    /// stored, so the task list cannot follow each admin's language.
    /// </summary>
    public virtual async Task<string> GetTaskNameAsync(string taskType, string defaultName)
    {
        if (!LoyaltyDefaults.TaskNameResources.TryGetValue(taskType, out var key))
            return defaultName;

        var language = await _languageService.GetLanguageByIdAsync(_localizationSettings.DefaultAdminLanguageId)
                       ?? (await _languageService.GetAllLanguagesAsync()).FirstOrDefault();
        var file = (await GetFilesAsync()).For(language?.LanguageCulture);
        return string.IsNullOrWhiteSpace(file?[key]) ? defaultName : file[key];
    }

    /// <summary>Deletes the template's texts in every language (nopCommerce keeps them when the template is deleted).</summary>
    public virtual async Task DeleteTranslationsAsync(MessageTemplate template)
    {
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
        {
            await _localizedEntityService.SaveLocalizedValueAsync(template, t => t.Subject, null, language.Id);
            await _localizedEntityService.SaveLocalizedValueAsync(template, t => t.Body, null, language.Id);
        }
    }

    /// <summary>
    /// The plugin's name, from the shipped files, in every language. It says what the release holds, so an update renames
    /// it, where other texts already in the store are kept.
    /// </summary>
    public virtual async Task RenamePluginAsync()
    {
        var files = await GetFilesAsync();
        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
        {
            var name = files.For(language.LanguageCulture)?[FriendlyNameResource];
            if (!string.IsNullOrWhiteSpace(name))
                await _localizationService.AddOrUpdateLocaleResourceAsync(FriendlyNameResource, name, language.LanguageCulture);
        }
    }

    /// <summary>Deletes the plugin's resources that no shipped file has any more (keys renamed by an update).</summary>
    public virtual async Task DeleteObsoleteResourcesAsync()
    {
        var files = await GetFilesAsync();
        if (files.Default == null)
            return;

        var shipped = files.Files.SelectMany(f => f.Values.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // nopCommerce lowers names on import but not everywhere else; PostgreSQL compares case.
        var prefix = (LoyaltyDefaults.ResourcePrefix + ".").ToLowerInvariant();
        var stored = await _resourceRepository.Table
            .Where(r => r.ResourceName.ToLower().StartsWith(prefix))
            .Select(r => r.ResourceName)
            .Distinct()
            .ToListAsync();
        var obsolete = stored.Where(name => !shipped.Contains(name)).ToList();
        if (obsolete.Count > 0)
            await _localizationService.DeleteLocaleResourcesAsync(obsolete);
    }

    // The template holds the main language's texts; a language whose file says otherwise gets its own, unless an
    // admin already gave it some.
    private async Task LocalizeGrantedTemplateAsync(Language language, LoyaltyResourceFile file)
    {
        var main = await MainFileAsync();
        if (main == null || string.Equals(main.Culture, file.Culture, StringComparison.OrdinalIgnoreCase))
            return;

        foreach (var (name, subject, body) in TemplateTexts)
        foreach (var template in await _messageTemplateService.GetMessageTemplatesByNameAsync(name))
        {
            await LocalizeAsync(template, language.Id, t => t.Subject, file[subject]);
            await LocalizeAsync(template, language.Id, t => t.Body, file[body]);
        }
    }

    private async Task LocalizeAsync(MessageTemplate template, int languageId, Expression<Func<MessageTemplate, string>> property, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var name = ((MemberExpression)property.Body).Member.Name;
        if (string.IsNullOrEmpty(await _localizedEntityService.GetLocalizedValueAsync(languageId, template.Id, nameof(MessageTemplate), name)))
            await _localizedEntityService.SaveLocalizedValueAsync(template, property, text, languageId);
    }

    // The first published language is the one nopCommerce falls back on for customers without a language of their own.
    private async Task<LoyaltyResourceFile> MainFileAsync()
    {
        var files = await GetFilesAsync();
        var main = (await _languageService.GetAllLanguagesAsync()).FirstOrDefault();
        return (main == null ? null : files.For(main.LanguageCulture)) ?? files.Default;
    }

    private async Task<LoyaltyResourceFiles> GetFilesAsync() =>
        _files ??= await LoyaltyResourceFiles.LoadAsync(_fileProvider,
            await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName, LoadPluginsMode.All));
}
