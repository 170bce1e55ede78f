using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Nop.Core;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Localization;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>Admin pages of special points: grants list, the grant wizard, a grant's detail and recipients.</summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class SpecialPointsController : BasePluginController
{
    #region Fields

    private const long MaxCustomerListFileSize = WizardTargetForm.MaxCustomerListFileSize;

    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Admin/";

    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPermissionService _permissionService;
    private readonly IGrantWizardService _grantWizardService;
    private readonly ISpecialGrantService _specialGrantService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly LoyaltyAdminModelFactory _modelFactory;
    private readonly LoyaltySettings _loyaltySettings;
    private readonly UploadedListService _uploadedListService;

    #endregion

    #region Ctor

    public SpecialPointsController(IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IPermissionService permissionService,
        IGrantWizardService grantWizardService,
        ISpecialGrantService specialGrantService,
        IStoreContext storeContext,
        IWorkContext workContext,
        LoyaltyAdminModelFactory modelFactory,
        LoyaltySettings loyaltySettings,
        UploadedListService uploadedListService)
    {
        _permissionService = permissionService;
        _uploadedListService = uploadedListService;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _grantWizardService = grantWizardService;
        _specialGrantService = specialGrantService;
        _storeContext = storeContext;
        _workContext = workContext;
        _modelFactory = modelFactory;
        _loyaltySettings = loyaltySettings;
    }

    #endregion

    #region Utilities

    private Task<string> ResourceAsync(string key) => _localizationService.GetResourceAsync(key);

    /// <remarks>Fields posted with errors are shown again as entered (from the model state); the hidden draft is always the current one.</remarks>
    private async Task<IActionResult> WizardViewAsync(GrantWizardModel model, Services.GrantDraft draft, GrantWizardStep step)
    {
        await _modelFactory.PrepareWizardModelAsync(model, draft, step);
        return View(ViewsPath + "GrantWizard.cshtml", model);
    }

    /// <summary>Applies the posted target step to the draft; false with a model error when the target is incomplete.</summary>
    private Task<bool> ApplyTargetAsync(GrantWizardModel model, Services.GrantDraft draft) =>
        WizardTargetForm.ApplyAsync(model, draft, ModelState, _permissionService, _localizationService, _uploadedListService);

    /// <summary>Applies the posted content step to the draft; false when the model has errors (see <see cref="Validators.GrantWizardModelValidator"/>).</summary>
    private async Task<bool> ApplyContentAsync(GrantWizardModel model, Services.GrantDraft draft)
    {
        var timeZone = await _dateTimeHelper.GetCurrentTimeZoneAsync();

        draft.Name = model.Name?.Trim();
        draft.Points = model.Points ?? 0;
        draft.NotifyCustomers = model.NotifyCustomers;
        if (ModelState.GetFieldValidationState(nameof(model.ExpiresOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            draft.ExpiresOnUtc = model.ExpiresOn.HasValue
                ? new ExpiryDay(DateOnly.FromDateTime(model.ExpiresOn.Value), model.ExpiresAt).ToUtc(_dateTimeHelper.DefaultStoreTimeZone)
                : null;
        if (ModelState.GetFieldValidationState(nameof(model.ActivatesOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            draft.ActivatesOnUtc = model.ActivatesOn.HasValue ? _dateTimeHelper.ConvertToUtcTime(DateTime.SpecifyKind(model.ActivatesOn.Value, DateTimeKind.Unspecified), timeZone) : null;

        return ModelState.IsValid;
    }

    /// <summary>The service's preview; a rule it throws on (a target it cannot build) comes back as an error of the target.</summary>
    private async Task<GrantPreview> PreviewAsync(Services.GrantDraft draft, bool targetOnly = false)
    {
        try
        {
            return targetOnly ? await _grantWizardService.PreviewTargetAsync(draft) : await _grantWizardService.PreviewAsync(draft);
        }
        catch (LoyaltyRuleException exception)
        {
            var preview = new GrantPreview();
            preview.Errors.Add(new Engine.Validation.ValidationError("Target", exception.ResourceKey, exception.Arguments.ToArray()));
            return preview;
        }
    }

    #endregion

    #region Grants list

    public IActionResult Index() => RedirectToAction(nameof(List));

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult List()
    {
        var model = _modelFactory.PrepareGrantSearchModel(new GrantSearchModel());
        return View(ViewsPath + "GrantList.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> GrantList(GrantSearchModel searchModel)
    {
        var model = await _modelFactory.PrepareGrantListModelAsync(searchModel);
        return Json(model);
    }

    #endregion

    #region Wizard

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create()
    {
        var draft = new Services.GrantDraft
        {
            TargetKind = GrantTargetKind.AllRegistered,
            NotifyCustomers = _loyaltySettings.NotifyCustomers,
            StoreId = (await _storeContext.GetCurrentStoreAsync()).Id
        };

        return await WizardViewAsync(new GrantWizardModel(), draft, GrantWizardStep.Target);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxCustomerListFileSize + 1024 * 1024, ValueLengthLimit = int.MaxValue)]
    [RequestSizeLimit(MaxCustomerListFileSize + 2 * 1024 * 1024)]
    public async Task<IActionResult> Create(GrantWizardModel model, string wizardAction)
    {
        var draft = LoyaltyAdminModelFactory.ReadDraft(model.State);
        if (draft.StoreId == 0)
            draft.StoreId = (await _storeContext.GetCurrentStoreAsync()).Id;

        var back = string.Equals(wizardAction, "back", StringComparison.OrdinalIgnoreCase);

        switch (model.Step)
        {
            case GrantWizardStep.Target:
            {
                if (!await ApplyTargetAsync(model, draft))
                    return await WizardViewAsync(model, draft, GrantWizardStep.Target);

                //count recipients and show rejected rows right away; the terms are not entered yet
                var preview = await PreviewAsync(draft, targetOnly: true);
                var targetErrors = preview.Errors.Where(e => !LoyaltyAdminModelFactory.IsContentError(e)).ToList();
                if (targetErrors.Count > 0 || preview.RecipientCount == 0)
                {
                    ModelState.Clear();
                    model.Errors.Clear();
                    foreach (var error in targetErrors)
                        model.Errors.Add(await _modelFactory.FormatErrorAsync(error));
                    if (targetErrors.Count == 0)
                        model.Errors.Add(await ResourceAsync("Plugins.Misc.Loyalty.Wizard.NoRecipients"));
                    model.RejectedRows = await _modelFactory.PrepareRejectedRowsAsync(preview.RejectedRows);
                    return await WizardViewAsync(model, draft, GrantWizardStep.Target);
                }

                ModelState.Clear();
                var next = new GrantWizardModel
                {
                    HasPreview = true,
                    RecipientCount = preview.RecipientCount,
                    TargetDescription = preview.TargetDescription,
                    RejectedRows = await _modelFactory.PrepareRejectedRowsAsync(preview.RejectedRows)
                };
                return await WizardViewAsync(next, draft, GrantWizardStep.Content);
            }

            case GrantWizardStep.Content:
            {
                var contentValid = await ApplyContentAsync(model, draft);
                if (back)
                {
                    ModelState.Clear();
                    return await WizardViewAsync(new GrantWizardModel(), draft, GrantWizardStep.Target);
                }

                //the service's rules (points range, expiry in the future...) are shown with the missing fields at once
                var preview = await PreviewAsync(draft);
                var contentErrors = preview.Errors.Where(LoyaltyAdminModelFactory.IsContentError).ToList();
                foreach (var error in contentErrors)
                {
                    var field = error.Field.StartsWith("Activates", StringComparison.OrdinalIgnoreCase) ? nameof(model.ActivatesOn)
                        : error.Field.StartsWith("Expires", StringComparison.OrdinalIgnoreCase) ? nameof(model.ExpiresOn)
                        : error.Field;
                    if (ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                        continue;
                    ModelState.AddModelError(field, await _modelFactory.FormatErrorAsync(error));
                }

                if (!contentValid || contentErrors.Count > 0)
                    return await WizardViewAsync(model, draft, GrantWizardStep.Content);

                ModelState.Clear();
                var confirm = new GrantWizardModel();
                await _modelFactory.ApplyPreviewAsync(confirm, preview, onlyTargetErrors: false);
                return await WizardViewAsync(confirm, draft, GrantWizardStep.Confirm);
            }

            case GrantWizardStep.Confirm:
            {
                ModelState.Clear();
                if (back)
                    return await WizardViewAsync(new GrantWizardModel(), draft, GrantWizardStep.Content);

                try
                {
                    var customer = await _workContext.GetCurrentCustomerAsync();
                    var grant = await _grantWizardService.CreateGrantAsync(draft, customer.Id);
                    return RedirectToAction(nameof(Done), new { id = grant.Id });
                }
                catch (LoyaltyRuleException exception)
                {
                    var preview = await PreviewAsync(draft);
                    var confirm = new GrantWizardModel();
                    await _modelFactory.ApplyPreviewAsync(confirm, preview, onlyTargetErrors: false);
                    var message = await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments);
                    if (!confirm.Errors.Contains(message))
                        confirm.Errors.Insert(0, message);
                    confirm.CanConfirm = false;
                    return await WizardViewAsync(confirm, draft, GrantWizardStep.Confirm);
                }
            }

            default:
                ModelState.Clear();
                return await WizardViewAsync(new GrantWizardModel(), draft, GrantWizardStep.Target);
        }
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Done(int id)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(id);
        if (grant == null)
            return RedirectToAction(nameof(List));

        var model = await _modelFactory.PrepareGrantModelAsync(grant);
        return View(ViewsPath + "GrantDone.cshtml", model);
    }

    #endregion

    #region Grant detail

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Details(int id)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(id);
        if (grant == null)
            return RedirectToAction(nameof(List));

        var model = await _modelFactory.PrepareGrantDetailsModelAsync(grant);
        return View(ViewsPath + "GrantDetails.cshtml", model);
    }

    /// <summary>The grant's status and progress, polled by the detail page while the grant runs.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Progress(int id)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(id);
        if (grant == null)
            return NotFound();

        var model = await _modelFactory.PrepareGrantModelAsync(grant);
        return Json(new
        {
            status = model.Status,
            statusId = model.StatusId,
            inProgress = model.IsInProgress,
            progress = model.Progress,
            percent = model.ProgressPercent,
            granted = model.GrantedCount,
            planned = model.PlannedRecipientCount,
            revoked = model.RevokedCount,
            lastError = model.LastError
        });
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> RecipientList(GrantRecipientSearchModel searchModel)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(searchModel.GrantId);
        if (grant == null)
            return NotFound();

        var model = await _modelFactory.PrepareRecipientListModelAsync(searchModel);
        return Json(model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Revoke(int id, int customerId)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(id);
        if (grant == null)
            return NotFound();

        try
        {
            var points = await _specialGrantService.RevokeAsync(id, customerId);
            return Json(new
            {
                success = true,
                message = await _localizationService.GetCountTextAsync("Plugins.Misc.Loyalty.Recipients.Revoked", points)
            });
        }
        catch (LoyaltyRuleException exception)
        {
            return Json(new { success = false, message = await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments) });
        }
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> RevokeAll(int id)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(id);
        if (grant == null)
            return RedirectToAction(nameof(List));

        try
        {
            await _specialGrantService.RevokeAllAsync(id);
            _notificationService.SuccessNotification(await ResourceAsync("Plugins.Misc.Loyalty.Recipients.RevokedAll"));
        }
        catch (LoyaltyRuleException exception)
        {
            _notificationService.ErrorNotification(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportRecipients(int id)
    {
        var grant = await _specialGrantService.GetGrantByIdAsync(id);
        if (grant == null)
            return RedirectToAction(nameof(List));

        //written to the response page by page as read: a grant may have hundreds of thousands of recipients
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileName = $"grant-{id}-recipients.csv" }.ToString();
        await _specialGrantService.WriteRecipientsCsvAsync(id, Response.Body,
            await LocalizedMessages.TextsAsync(_localizationService, SpecialGrantService.CsvHeaderResources));
        return new EmptyResult();
    }

    #endregion
}
