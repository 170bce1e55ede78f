using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.Services;
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
    private const string PurchaseTableView = LoyaltyUiDefaults.ViewsPath + "Admin/_PurchaseTable.cshtml";

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly ISettingService _settingService;
    private readonly LoyaltyAdminModelFactory _modelFactory;
    private readonly PurchaseLineSync _purchaseLineSync;

    public LoyaltyController(ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService,
        LoyaltyAdminModelFactory modelFactory,
        PurchaseLineSync purchaseLineSync)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
        _modelFactory = modelFactory;
        _purchaseLineSync = purchaseLineSync;
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Configure()
    {
        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        var model = _modelFactory.PrepareConfigurationModel(settings);
        model.PurchaseTable = await PreparePurchaseTableModelAsync();
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
            model.PurchaseTable = await PreparePurchaseTableModelAsync();
            return View(ConfigureView, model);
        }

        var settings = await _settingService.LoadSettingAsync<LoyaltySettings>();
        settings.PurgeAfterDays = model.PurgeAfterDays;
        settings.NotifyCustomers = model.NotifyCustomers;
        settings.NotifyOnlyNewsletterSubscribers = model.NotifyOnlyNewsletterSubscribers;
        settings.ExpiringSoonDays = model.ExpiringSoonDays;
        settings.TagRecomputeIntervalMinutes = model.TagRecomputeIntervalMinutes;
        settings.GrantChunkSize = model.GrantChunkSize;
        await _settingService.SaveSettingAsync(settings);

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return RedirectToAction(nameof(Configure));
    }

    /// <summary>Starts the purchase table over; the fill task copies it again in the background.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> RebuildPurchaseTable()
    {
        await _purchaseLineSync.RestartFillAsync();
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Configuration.PurchaseTable.RebuildStarted"));
        return RedirectToAction(nameof(Configure));
    }

    /// <summary>The purchase table's progress, read again by the configure page while it fills.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> PurchaseTableProgress() => PartialView(PurchaseTableView, await PreparePurchaseTableModelAsync());

    private async Task<PurchaseTableModel> PreparePurchaseTableModelAsync()
    {
        var (filledThrough, lastOrderId, complete) = await _purchaseLineSync.GetFillProgressAsync();
        return new PurchaseTableModel { FilledThroughOrderId = filledThrough, LastOrderId = lastOrderId, Complete = complete };
    }
}
