using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Nop.Core;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>Admin pages of saved segments: list, builder (create/edit), duplicate, delete, live preview, CSV export.</summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class SegmentController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Admin/";
    private const int SampleSize = 20;

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPermissionService _permissionService;
    private readonly IProductService _productService;
    private readonly ISegmentService _segmentService;
    private readonly IWorkContext _workContext;
    private readonly SegmentModelFactory _modelFactory;

    public SegmentController(ILocalizationService localizationService,
        INotificationService notificationService,
        IPermissionService permissionService,
        IProductService productService,
        ISegmentService segmentService,
        IWorkContext workContext,
        SegmentModelFactory modelFactory)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _permissionService = permissionService;
        _productService = productService;
        _segmentService = segmentService;
        _workContext = workContext;
        _modelFactory = modelFactory;
    }

    #region Utilities

    private Task<string> ResourceAsync(string key) => _localizationService.GetResourceAsync(key);

    /// <summary>Reads and validates posted JSON; the definition, or null with the localized errors.</summary>
    private async Task<(SegmentDefinition Definition, IList<SegmentErrorModel> Errors)> ReadDefinitionAsync(string json)
    {
        var (definition, problems) = await _segmentService.ReadAsync(json);
        var errors = new List<SegmentErrorModel>();
        foreach (var error in problems)
            errors.Add(new(error.Field, await _modelFactory.FormatErrorAsync(error)));
        return (definition, errors);
    }

    private async Task<IActionResult> EditViewAsync(SegmentModel model, Segment segment)
    {
        model = await _modelFactory.PrepareSegmentModelAsync(model, segment);
        return View(ViewsPath + "SegmentEdit.cshtml", model);
    }

    /// <summary>
    /// Validates the posted definition (the fields are validated by <see cref="Validators.SegmentModelValidator"/>); false
    /// with model errors (the posted tree is kept as it was).
    /// </summary>
    private async Task<bool> ValidateModelAsync(SegmentModel model)
    {
        var (definition, errors) = await ReadDefinitionAsync(model.DefinitionJson);
        model.DefinitionErrors = errors;
        if (definition != null)
            model.RuleDescription = await _segmentService.DescribeAsync(definition);
        return ModelState.IsValid && errors.Count == 0;
    }

    /// <summary>Saved, yet some conditions read fields the store does not collect: the owner is told so.</summary>
    private async Task NotifyWarningsAsync(string definitionJson)
    {
        if (!SegmentJson.TryParse(definitionJson, out var definition, out _) || definition == null)
            return;
        foreach (var message in (await _modelFactory.PrepareWarningsAsync(definition)).Select(w => w.Message).Distinct())
            _notificationService.WarningNotification(message);
    }

    private async Task WriteCsvResponseAsync(SegmentDefinition definition, string name)
    {
        var fileName = $"segment-{(string.IsNullOrWhiteSpace(name) ? "preview" : name)}-{DateTime.UtcNow:yyyyMMddHHmm}.csv";
        foreach (var c in Path.GetInvalidFileNameChars().Append('"'))
            fileName = fileName.Replace(c, '_');

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = fileName,
            FileName = "segment.csv"
        }.ToString();
        await _segmentService.WriteCsvAsync(definition, Response.Body,
            await LocalizedMessages.TextsAsync(_localizationService, SegmentService.CsvHeaderResources));
    }

    #endregion

    #region List

    public IActionResult Index() => RedirectToAction(nameof(List));

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult List()
    {
        var model = _modelFactory.PrepareSegmentSearchModel(new SegmentSearchModel());
        return View(ViewsPath + "SegmentList.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> SegmentList(SegmentSearchModel searchModel)
    {
        return Json(await _modelFactory.PrepareSegmentListModelAsync(searchModel));
    }

    #endregion

    #region Create / edit / duplicate / delete

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create() => await EditViewAsync(null, null);

    [HttpPost, ParameterBasedOnFormName("save-continue", "continueEditing")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create(SegmentModel model, bool continueEditing)
    {
        if (!await ValidateModelAsync(model))
            return await EditViewAsync(model, null);

        var segment = new Segment { Name = model.Name, Description = model.Description, DefinitionJson = model.DefinitionJson };
        try
        {
            await _segmentService.InsertSegmentAsync(segment, (await _workContext.GetCurrentCustomerAsync()).Id);
        }
        catch (LoyaltyRuleException exception)
        {
            model.DefinitionErrors.Add(new(string.Empty, await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments)));
            return await EditViewAsync(model, null);
        }

        _notificationService.SuccessNotification(await ResourceAsync("Plugins.Misc.Loyalty.Segments.Added"));
        await NotifyWarningsAsync(segment.DefinitionJson);
        return continueEditing ? RedirectToAction(nameof(Edit), new { id = segment.Id }) : RedirectToAction(nameof(List));
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Edit(int id)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(id);
        if (segment == null)
            return RedirectToAction(nameof(List));
        return await EditViewAsync(null, segment);
    }

    [HttpPost, ParameterBasedOnFormName("save-continue", "continueEditing")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Edit(SegmentModel model, bool continueEditing)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(model.Id);
        if (segment == null)
            return RedirectToAction(nameof(List));

        if (!await ValidateModelAsync(model))
            return await EditViewAsync(model, segment);

        segment.Name = model.Name;
        segment.Description = model.Description;
        segment.DefinitionJson = model.DefinitionJson;
        try
        {
            await _segmentService.UpdateSegmentAsync(segment, (await _workContext.GetCurrentCustomerAsync()).Id);
        }
        catch (LoyaltyRuleException exception)
        {
            model.DefinitionErrors.Add(new(string.Empty, await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments)));
            return await EditViewAsync(model, segment);
        }

        _notificationService.SuccessNotification(await ResourceAsync("Plugins.Misc.Loyalty.Segments.Updated"));
        await NotifyWarningsAsync(segment.DefinitionJson);
        return continueEditing ? RedirectToAction(nameof(Edit), new { id = segment.Id }) : RedirectToAction(nameof(List));
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Duplicate(int id)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(id);
        if (segment == null)
            return RedirectToAction(nameof(List));

        var copy = await _segmentService.DuplicateSegmentAsync(segment, (await _workContext.GetCurrentCustomerAsync()).Id,
            await _modelFactory.FormatMessageAsync("Plugins.Misc.Loyalty.Segments.CopyName", [segment.Name]));
        _notificationService.SuccessNotification(await ResourceAsync("Plugins.Misc.Loyalty.Segments.Duplicated"));
        return RedirectToAction(nameof(Edit), new { id = copy.Id });
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Delete(int id)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(id);
        if (segment == null)
            return RedirectToAction(nameof(List));

        try
        {
            await _segmentService.DeleteSegmentAsync(segment);
        }
        catch (LoyaltyRuleException exception)
        {
            _notificationService.ErrorNotification(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
            return RedirectToAction(nameof(Edit), new { id });
        }

        _notificationService.SuccessNotification(await ResourceAsync("Plugins.Misc.Loyalty.Segments.Deleted"));
        return RedirectToAction(nameof(List));
    }

    #endregion

    #region Builder endpoints

    /// <summary>Count, description and the first customers of the posted definition.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Preview(string definitionJson)
    {
        var (definition, errors) = await ReadDefinitionAsync(definitionJson);
        var result = new SegmentPreviewModel { Errors = errors };
        if (definition != null)
        {
            result.Success = true;
            result.Warnings = await _modelFactory.PrepareWarningsAsync(definition);
            result.Count = await _segmentService.PreviewCountAsync(definition);
            result.Description = await _segmentService.DescribeAsync(definition);
            //the count is no one's personal data; the customers are, as on nopCommerce's customer list
            if (await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW))
                result.Customers = (await _segmentService.SampleAsync(definition, SampleSize))
                    .Select(c => new SegmentPreviewCustomerModel(c.Id, c.Email,
                        $"{c.FirstName} {c.LastName}".Trim(), Url.Content($"~/Admin/Customer/Edit/{c.Id}")))
                    .ToList();
            else
                result.SampleDenied = await ResourceAsync("Plugins.Misc.Loyalty.Segments.Preview.SampleDenied");
        }

        // Explicit camelCase names: the admin's JSON settings keep C# property names.
        return Json(new
        {
            success = result.Success,
            errors = result.Errors.Select(e => new { field = e.Field, message = e.Message }),
            warnings = result.Warnings.Select(e => new { field = e.Field, message = e.Message }),
            count = result.Count,
            description = result.Description,
            customers = result.Customers.Select(c => new { id = c.Id, email = c.Email, name = c.Name, url = c.Url }),
            sampleDenied = result.SampleDenied
        });
    }

    /// <summary>Every customer of the posted definition as CSV.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportCsv(string definitionJson, string name)
    {
        var (definition, errors) = await ReadDefinitionAsync(definitionJson);
        if (definition == null)
        {
            _notificationService.ErrorNotification(string.Join(" ", errors.Select(e => e.Message)));
            return RedirectToAction(nameof(List));
        }

        await WriteCsvResponseAsync(definition, name);
        return new EmptyResult();
    }

    /// <summary>Every customer of a saved segment as CSV.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportSavedCsv(int id)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(id);
        if (segment == null)
            return RedirectToAction(nameof(List));

        var (definition, errors) = await ReadDefinitionAsync(segment.DefinitionJson);
        if (definition == null)
        {
            _notificationService.ErrorNotification(string.Join(" ", errors.Select(e => e.Message)));
            return RedirectToAction(nameof(Edit), new { id });
        }

        await WriteCsvResponseAsync(definition, segment.Name);
        return new EmptyResult();
    }

    /// <summary>Products whose name (or SKU) contains the term: id and name, for the builder's product picker.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> SearchProducts(string term)
    {
        if (string.IsNullOrWhiteSpace(term))
            return Json(Array.Empty<object>());

        var products = await _productService.SearchProductsAsync(pageSize: 20, keywords: term.Trim(), showHidden: true);
        return Json(products.Select(p => new { id = p.Id, name = p.Name }));
    }

    #endregion
}
