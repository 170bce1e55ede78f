using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>The plugin's configuration page (/Admin/Loyalty/Configure).</summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class LoyaltyController : BasePluginController
{
    private const string ConfigureView = LoyaltyUiDefaults.ViewsPath + "Admin/Configure.cshtml";

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly ISettingService _settingService;
    private readonly LoyaltyAdminModelFactory _modelFactory;

    public LoyaltyController(ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService,
        LoyaltyAdminModelFactory modelFactory)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
        _modelFactory = modelFactory;
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Configure()
    {
        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        var model = _modelFactory.PrepareConfigurationModel(settings);
        return View(ConfigureView, model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        if (model.GrantChunkSize is < ConfigurationModel.MinGrantChunkSize or > ConfigurationModel.MaxGrantChunkSize)
            ModelState.AddModelError(nameof(model.GrantChunkSize), string.Format(
                await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Configuration.GrantChunkSize.Invalid"),
                ConfigurationModel.MinGrantChunkSize, ConfigurationModel.MaxGrantChunkSize));

        if (!ModelState.IsValid)
        {
            _notificationService.ErrorNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Configuration.NotSaved"));
            return View(ConfigureView, model);
        }

        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        settings.PurgeAfterDays = model.PurgeAfterDays;
        settings.NotifyCustomers = model.NotifyCustomers;
        settings.NotifyOnlyNewsletterSubscribers = model.NotifyOnlyNewsletterSubscribers;
        settings.ExpiringSoonDays = model.ExpiringSoonDays;
        settings.ShowAccountWidget = model.ShowAccountWidget;
        settings.GrantChunkSize = model.GrantChunkSize;
        await _settingService.SaveSettingAsync(settings);

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return RedirectToAction(nameof(Configure));
    }
}
