using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Data;
using Nop.Plugin.Loyalty.Components;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Localization;
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
/// Loyalty: special points, segments, member tags and coupons (what each release holds: README). Install adds settings, locale resources
/// (Localization/*.xml), the message template and the scheduled tasks; the tables come from the plugin's migration
/// and the permission from LoyaltyPermissionConfigManager. Uninstall removes them all (tables by the migration's Down) and
/// Hangfire's tables (HangfireStorage).
/// </summary>
public class LoyaltyPlugin : BasePlugin, IWidgetPlugin, IMiscPlugin, Nop.Services.Discounts.IDiscountRequirementRule
{
    private readonly EmailAccountSettings _emailAccountSettings;
    private readonly IEmailAccountService _emailAccountService;
    private readonly ILocalizationService _localizationService;
    private readonly IMessageTemplateService _messageTemplateService;
    private readonly IPermissionService _permissionService;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly IServiceProvider _serviceProvider;
    private readonly ISettingService _settingService;
    private readonly WidgetSettings _widgetSettings;
    private readonly INopDataProvider _dataProvider;
    private LoyaltyLanguageSetup _languageSetup;

    public LoyaltyPlugin(EmailAccountSettings emailAccountSettings,
        IEmailAccountService emailAccountService,
        ILocalizationService localizationService,
        IMessageTemplateService messageTemplateService,
        IPermissionService permissionService,
        IScheduleTaskService scheduleTaskService,
        IServiceProvider serviceProvider,
        ISettingService settingService,
        WidgetSettings widgetSettings,
        INopDataProvider dataProvider)
    {
        _emailAccountSettings = emailAccountSettings;
        _emailAccountService = emailAccountService;
        _localizationService = localizationService;
        _messageTemplateService = messageTemplateService;
        _permissionService = permissionService;
        _scheduleTaskService = scheduleTaskService;
        _serviceProvider = serviceProvider;
        _settingService = settingService;
        _widgetSettings = widgetSettings;
        _dataProvider = dataProvider;
    }

    /// <summary>Locale resources outside the plugin's prefix that the plugin's XML files also carry.</summary>
    public static readonly string[] ExtraResourceNames =
    [
        $"Admin.ContentManagement.MessageTemplates.Description.{LoyaltyDefaults.GrantedMessageTemplateName}",
        $"Admin.ContentManagement.MessageTemplates.Description.{LoyaltyDefaults.CouponIssuedMessageTemplateName}",
        $"Security.Permission.{LoyaltyDefaults.ManageLoyaltyPermission}",
        $"Security.Permission.{LoyaltyDefaults.RedeemCouponsPermission}",
        $"{NopLocalizationDefaults.PluginNameLocaleStringResourcesPrefix}{LoyaltyDefaults.SystemName}"
    ];

    /// <summary>The plugin's scheduled tasks: name, type, interval.</summary>
    public static readonly (string Name, string Type, int Seconds)[] Tasks =
    [
        (LoyaltyDefaults.ExpirePointsTaskName, LoyaltyDefaults.ExpirePointsTaskType, LoyaltyDefaults.ExpirePointsTaskSeconds),
        (LoyaltyDefaults.PurgeExpiredPointsTaskName, LoyaltyDefaults.PurgeExpiredPointsTaskType, LoyaltyDefaults.PurgeExpiredPointsTaskSeconds),
        (LoyaltyDefaults.ResumeGrantsTaskName, LoyaltyDefaults.ResumeGrantsTaskType, LoyaltyDefaults.ResumeGrantsTaskSeconds),
        (LoyaltyDefaults.FillPurchaseLinesTaskName, LoyaltyDefaults.FillPurchaseLinesTaskType, LoyaltyDefaults.FillPurchaseLinesTaskSeconds),
        (LoyaltyDefaults.RemoveAbandonedListsTaskName, LoyaltyDefaults.RemoveAbandonedListsTaskType, LoyaltyDefaults.RemoveAbandonedListsTaskSeconds),
        (LoyaltyDefaults.RecomputeTagsTaskName, LoyaltyDefaults.RecomputeTagsTaskType, LoyaltyDefaults.RecomputeTagsTaskSeconds),
        (LoyaltyDefaults.ResumeCouponDistributionsTaskName, LoyaltyDefaults.ResumeCouponDistributionsTaskType, LoyaltyDefaults.ResumeCouponDistributionsTaskSeconds)
    ];

    #region Widgets

    public bool HideInWidgetList => true;

    public Task<IList<string>> GetWidgetZonesAsync() =>
        Task.FromResult<IList<string>>(new List<string> { AdminWidgetZones.CustomerDetailsBlock, AdminWidgetZones.CampaignDetailsButtons });

    public Type GetWidgetViewComponent(string widgetZone)
    {
        if (widgetZone == AdminWidgetZones.CustomerDetailsBlock)
            return typeof(AdminCustomerBlockViewComponent);
        if (widgetZone == AdminWidgetZones.CampaignDetailsButtons)
            return typeof(CampaignTagButtonViewComponent);
        return null;
    }

    #endregion

    public override string GetConfigurationPageUrl() => LoyaltyDefaults.ConfigurationPath;

    #region Discount requirement: holds a usable coupon

    private Task<Services.Coupons.CouponDiscountRequirement> CouponRequirementAsync() =>
        Services.Coupons.CouponServices.GetRequirementAsync(_serviceProvider);

    public async Task<Nop.Services.Discounts.DiscountRequirementValidationResult> CheckRequirementAsync(
        Nop.Services.Discounts.DiscountRequirementValidationRequest request) => await (await CouponRequirementAsync()).CheckAsync(request);

    public string GetConfigurationUrl(int discountId, int? discountRequirementId) =>
        Services.Coupons.CouponDiscountRequirement.ConfigurationUrl(
            _serviceProvider.GetRequiredService<Nop.Web.Framework.Mvc.Routing.INopUrlHelper>(),
            _serviceProvider.GetRequiredService<Nop.Core.IWebHelper>(), discountId, discountRequirementId);

    #endregion

    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new LoyaltySettings());
        await Services.Coupons.CouponSigningKey.EnsureAsync(await _settingService.LoadSettingAsync<LoyaltySettings>(), _settingService);

        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(LoyaltyDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(LoyaltyDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        await InstallMessageTemplateAsync();
        await InstallCouponIssuedTemplateAsync();
        await LanguageSetup.SetUpLanguagesAsync(updateExisting: true);
        await InstallTasksAsync();

        await base.InstallAsync();
    }

    public override async Task UninstallAsync()
    {
        await _settingService.DeleteSettingAsync<LoyaltySettings>();

        // Coupon requirements are nopCommerce's rows: they go before the coupon table that they name.
        await (await CouponRequirementAsync()).DeleteAllAsync();
        // Tags' roles are nopCommerce's rows: they go before the tag table that names them.
        await ActivatorUtilities.GetServiceOrCreateInstance<Services.Tags.TagRoleSync>(_serviceProvider).DeleteAllTagRolesAsync();

        if (_widgetSettings.ActiveWidgetSystemNames.Contains(LoyaltyDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Remove(LoyaltyDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        foreach (var template in (await _messageTemplateService.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName))
                 .Concat(await _messageTemplateService.GetMessageTemplatesByNameAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName)))
        {
            await LanguageSetup.DeleteTranslationsAsync(template);
            await _messageTemplateService.DeleteMessageTemplateAsync(template);
        }

        foreach (var (_, type, _) in Tasks)
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) is { } task)
                await _scheduleTaskService.DeleteTaskAsync(task);

        foreach (var permission in (await _permissionService.GetAllPermissionRecordsAsync())
                     .Where(p => p.SystemName is LoyaltyDefaults.ManageLoyaltyPermission or LoyaltyDefaults.RedeemCouponsPermission).ToList())
            await _permissionService.DeletePermissionRecordAsync(permission);

        await _localizationService.DeleteLocaleResourcesAsync(LoyaltyDefaults.ResourcePrefix);
        // Imported names are stored in lower case, and nopCommerce compares the names given as stored.
        await _localizationService.DeleteLocaleResourcesAsync(ExtraResourceNames.Select(n => n.ToLowerInvariant()).ToList());

        // Hangfire's tables are created at startup, outside the plugin's migrations, so they are dropped here.
        await HangfireStorage.DropAsync(_dataProvider);

        await base.UninstallAsync();
    }

    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        // The coupon email of 1.5.0 first, so that the languages' setup below gives it its translations.
        await InstallCouponIssuedTemplateAsync();
        // New resources of a newer version; existing translations are kept as the store owner may have edited them.
        await LanguageSetup.SetUpLanguagesAsync(updateExisting: false);
        await LanguageSetup.DeleteObsoleteResourcesAsync();
        await LanguageSetup.RenamePluginAsync();
        // Tasks added since the installed version (the purchase table's fill); the table itself comes from its migration.
        await InstallTasksAsync();
        await Services.Coupons.CouponSigningKey.EnsureAsync(await _settingService.LoadSettingAsync<LoyaltySettings>(), _settingService);
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    #region Install helpers

    private LoyaltyLanguageSetup LanguageSetup =>
        _languageSetup ??= ActivatorUtilities.GetServiceOrCreateInstance<LoyaltyLanguageSetup>(_serviceProvider);

    private async Task InstallTasksAsync()
    {
        foreach (var (name, type, seconds) in Tasks)
        {
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) != null)
                continue;
            await _scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = await LanguageSetup.GetTaskNameAsync(type, name),
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

        var (subject, body) = await LanguageSetup.GetGrantedTemplateTextsAsync();
        await _messageTemplateService.InsertMessageTemplateAsync(new MessageTemplate
        {
            Name = LoyaltyDefaults.GrantedMessageTemplateName,
            Subject = subject,
            Body = body,
            IsActive = true,
            EmailAccountId = emailAccount?.Id ?? 0
        });
    }

    private async Task InstallCouponIssuedTemplateAsync()
    {
        if ((await _messageTemplateService.GetMessageTemplatesByNameAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName)).Any())
            return;

        var emailAccount = await _emailAccountService.GetEmailAccountByIdAsync(_emailAccountSettings.DefaultEmailAccountId)
                           ?? (await _emailAccountService.GetAllEmailAccountsAsync()).FirstOrDefault();

        var (subject, body) = await LanguageSetup.GetCouponIssuedTemplateTextsAsync();
        await _messageTemplateService.InsertMessageTemplateAsync(new MessageTemplate
        {
            Name = LoyaltyDefaults.CouponIssuedMessageTemplateName,
            Subject = subject,
            Body = body,
            IsActive = true,
            EmailAccountId = emailAccount?.Id ?? 0
        });
    }

    #endregion
}
