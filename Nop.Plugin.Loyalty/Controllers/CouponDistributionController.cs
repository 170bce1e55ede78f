using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.Models.Coupons;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// Admin "Send coupon": the customers chosen as in the special points wizard, counted, confirmed, then issued in the
/// background with a progress page.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class CouponDistributionController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Admin/Coupons/";

    private readonly CouponDistributionService _distributions;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPermissionService _permissionService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly LoyaltyAdminModelFactory _modelFactory;
    private readonly LoyaltyDates _dates;
    private readonly LoyaltySettings _loyaltySettings;
    private readonly TargetDescriber _targetDescriber;
    private readonly UploadedListService _uploadedListService;

    public CouponDistributionController(CouponDistributionService distributions,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IPermissionService permissionService,
        IStoreContext storeContext,
        IWorkContext workContext,
        LoyaltyAdminModelFactory modelFactory,
        LoyaltyDates dates,
        LoyaltySettings loyaltySettings,
        TargetDescriber targetDescriber,
        UploadedListService uploadedListService)
    {
        _distributions = distributions;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _permissionService = permissionService;
        _storeContext = storeContext;
        _workContext = workContext;
        _modelFactory = modelFactory;
        _dates = dates;
        _loyaltySettings = loyaltySettings;
        _targetDescriber = targetDescriber;
        _uploadedListService = uploadedListService;
    }

    private async Task<IActionResult> FormAsync(Domains.Coupons.Coupon coupon, GrantWizardModel model, GrantDraft draft, GrantWizardStep step,
        bool newsletterOnly)
    {
        await _modelFactory.PrepareWizardModelAsync(model, draft, step);
        ViewBag.CouponId = coupon.Id;
        ViewBag.CouponTitle = coupon.Title;
        ViewBag.NewsletterOnly = newsletterOnly;
        return View(ViewsPath + "Distribute.cshtml", model);
    }

    private async Task<string> MessageAsync(LoyaltyRuleException exception) =>
        await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments);

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Distribute(int couponId)
    {
        var coupon = await _distributions.GetCouponAsync(couponId);
        if (coupon == null || coupon.Deleted)
            return NotFound();

        var draft = new GrantDraft
        {
            TargetKind = GrantTargetKind.AllRegistered,
            NotifyCustomers = _loyaltySettings.NotifyCustomers,
            StoreId = (await _storeContext.GetCurrentStoreAsync()).Id
        };
        return await FormAsync(coupon, new GrantWizardModel(), draft, GrantWizardStep.Target, _loyaltySettings.NotifyOnlyNewsletterSubscribers);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [RequestFormLimits(MultipartBodyLengthLimit = WizardTargetForm.MaxCustomerListFileSize + 1024 * 1024, ValueLengthLimit = int.MaxValue)]
    [RequestSizeLimit(WizardTargetForm.MaxCustomerListFileSize + 2 * 1024 * 1024)]
    public async Task<IActionResult> Distribute(int couponId, GrantWizardModel model, string wizardAction, bool newsletterOnly)
    {
        var coupon = await _distributions.GetCouponAsync(couponId);
        if (coupon == null || coupon.Deleted)
            return NotFound();

        var draft = LoyaltyAdminModelFactory.ReadDraft(model.State);
        if (draft.StoreId == 0)
            draft.StoreId = (await _storeContext.GetCurrentStoreAsync()).Id;

        if (model.Step == GrantWizardStep.Confirm)
        {
            ModelState.Clear();
            if (string.Equals(wizardAction, "back", StringComparison.OrdinalIgnoreCase))
                return await FormAsync(coupon, new GrantWizardModel(), draft, GrantWizardStep.Target, newsletterOnly);

            draft.NotifyCustomers = model.NotifyCustomers;
            try
            {
                var customer = await _workContext.GetCurrentCustomerAsync();
                var id = await _distributions.DistributeAsync(coupon.Id, draft, newsletterOnly, customer.Id);
                _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Coupons.Distribution.Queued"));
                return RedirectToAction(nameof(Progress), new { id });
            }
            catch (LoyaltyRuleException exception)
            {
                var retry = new GrantWizardModel();
                retry.Errors.Add(await MessageAsync(exception));
                return await FormAsync(coupon, retry, draft, GrantWizardStep.Target, newsletterOnly);
            }
        }

        // The target step: the wizard's own rules and preview; the count is shown before anything is sent.
        if (!await WizardTargetForm.ApplyAsync(model, draft, ModelState, _permissionService, _localizationService, _uploadedListService))
            return await FormAsync(coupon, model, draft, GrantWizardStep.Target, newsletterOnly);

        GrantPreview preview;
        try
        {
            preview = await _distributions.PreviewAsync(draft);
        }
        catch (LoyaltyRuleException exception)
        {
            ModelState.Clear();
            var failed = new GrantWizardModel();
            failed.Errors.Add(await MessageAsync(exception));
            return await FormAsync(coupon, failed, draft, GrantWizardStep.Target, newsletterOnly);
        }

        ModelState.Clear();
        var next = new GrantWizardModel();
        await _modelFactory.ApplyPreviewAsync(next, preview, onlyTargetErrors: true);
        if (next.Errors.Count > 0 || preview.RecipientCount == 0)
        {
            if (next.Errors.Count == 0)
                next.Errors.Add(await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Wizard.NoRecipients"));
            return await FormAsync(coupon, next, draft, GrantWizardStep.Target, newsletterOnly);
        }

        next.CanConfirm = true;
        return await FormAsync(coupon, next, draft, GrantWizardStep.Confirm, newsletterOnly);
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Progress(int id)
    {
        var model = await PrepareModelAsync(id);
        return model == null ? NotFound() : View(ViewsPath + "Distribution.cshtml", model);
    }

    /// <summary>The distribution's status and progress, polled by its page while it runs.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> ProgressData(int id)
    {
        var model = await PrepareModelAsync(id);
        return model == null ? NotFound() : Json(model);
    }

    private async Task<CouponDistributionModel> PrepareModelAsync(int id)
    {
        var distribution = await _distributions.GetDistributionAsync(id);
        if (distribution == null)
            return null;
        var coupon = await _distributions.GetCouponAsync(distribution.CouponId);
        var status = (DistributionStatus)distribution.StatusId;
        string target;
        try
        {
            target = await _targetDescriber.DescribeAsync(GrantTargetJson.Deserialize(distribution.TargetJson));
        }
        catch (LoyaltyRuleException)
        {
            target = string.Empty;
        }

        return new CouponDistributionModel
        {
            Id = distribution.Id,
            CouponId = distribution.CouponId,
            CouponTitle = coupon?.Title,
            TargetDescription = target,
            StatusId = distribution.StatusId,
            Status = await _localizationService.GetResourceAsync($"Plugins.Misc.Loyalty.Coupons.Distribution.Status.{status}"),
            InProgress = status is DistributionStatus.Queued or DistributionStatus.Running,
            PlannedCount = distribution.PlannedCount,
            IssuedCount = distribution.IssuedCount,
            Percent = distribution.PlannedCount > 0 ? (int)Math.Min(100, 100L * distribution.IssuedCount / distribution.PlannedCount)
                : status == DistributionStatus.Completed ? 100 : 0,
            NotifyCustomers = distribution.NotifyCustomers,
            NewsletterOnly = distribution.NewsletterOnly,
            CreatedOn = await _dates.InstantAsync(distribution.CreatedOnUtc, DateAudience.Admin),
            CompletedOn = await _dates.InstantAsync(distribution.CompletedOnUtc, DateAudience.Admin),
            LastError = distribution.LastError
        };
    }
}
