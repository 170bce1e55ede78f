using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Nop.Core;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Localization;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// Admin pages of member tags (Customers &gt; Member tags): the list, create/edit/delete, the members grid and its CSV,
/// the CSV import and export, and the customer page's Tags card. Editing needs "Manage loyalty"; seeing who holds a tag
/// needs nopCommerce's "view customers" as well, and files of customers its "import/export customers".
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[Route("Admin/MemberTags/[action]/{id:int?}")]
public class MemberTagController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Tags/";
    private const string Prefix = "Plugins.Misc.Loyalty.Tags.";

    /// <summary>The largest import file read (a million rows of "id,tag" fit well below).</summary>
    private const long MaxImportBytes = 50L * 1024 * 1024;

    private readonly ILocalizationService _localizationService;
    private readonly ILoyaltyData _data;
    private readonly IMemberTagService _tagService;
    private readonly INotificationService _notificationService;
    private readonly ISegmentService _segmentService;
    private readonly IWorkContext _workContext;
    private readonly MemberTagModelFactory _modelFactory;
    private readonly UploadedListService _uploadedLists;

    public MemberTagController(ILocalizationService localizationService,
        ILoyaltyData data,
        IMemberTagService tagService,
        INotificationService notificationService,
        ISegmentService segmentService,
        IWorkContext workContext,
        MemberTagModelFactory modelFactory,
        UploadedListService uploadedLists)
    {
        _localizationService = localizationService;
        _data = data;
        _tagService = tagService;
        _notificationService = notificationService;
        _segmentService = segmentService;
        _workContext = workContext;
        _modelFactory = modelFactory;
        _uploadedLists = uploadedLists;
    }

    #region Utilities

    private Task<string> ResourceAsync(string suffix) => _localizationService.GetResourceAsync(Prefix + suffix);

    // Resolved when used: the engine's pipeline is registered with the tag engine's services.
    private MemberTagPipeline Pipeline => HttpContext.RequestServices.GetRequiredService<MemberTagPipeline>();

    private static TagRow ToRow(MemberTagView view) => new()
    {
        Id = view.Id,
        CustomerRoleId = view.Tag.CustomerRoleId,
        Name = view.Name,
        Kind = (TagKind)view.Tag.KindId,
        RuleJson = view.Tag.RuleJson,
        VisibleToCustomers = view.Tag.VisibleToCustomers,
        LastRecomputedOnUtc = view.Tag.LastRecomputedOnUtc
    };

    private async Task<IActionResult> EditViewAsync(MemberTagModel model, MemberTagView tag)
    {
        model = await _modelFactory.PrepareTagModelAsync(model, tag);
        return View(ViewsPath + "Edit.cshtml", model);
    }

    /// <summary>Copies the posted fields onto the tag; the rule from the chosen segment or from the conditions built.</summary>
    private async Task ApplyModelAsync(MemberTagModel model, MemberTag tag)
    {
        tag.GroupId = model.GroupId is > 0 ? model.GroupId : null;
        tag.Color = model.Color?.Trim();
        tag.Description = model.Description;
        tag.VisibleToCustomers = model.VisibleToCustomers;
        tag.DisplayOrder = model.DisplayOrder;
        tag.KindId = Enum.IsDefined((TagKind)model.KindId) ? model.KindId : (int)TagKind.Manual;
        tag.ApplyNow = model.ApplyNow;
        tag.SegmentId = null;
        tag.RuleJson = null;
        if ((TagKind)tag.KindId != TagKind.Automatic)
            return;

        if (model.RuleSource == MemberTagModel.RuleFromSegment)
        {
            // The segment's rule is copied: a later change to the segment does not move the tag's members unannounced.
            if (model.SegmentId is { } segmentId && await _segmentService.GetSegmentByIdAsync(segmentId) is { } segment)
            {
                tag.SegmentId = segment.Id;
                tag.RuleJson = segment.DefinitionJson;
            }
        }
        else
            tag.RuleJson = model.DefinitionJson;
    }

    /// <summary>Validates with the service's rules; false with the problems added to the page.</summary>
    private async Task<bool> ValidateTagAsync(MemberTagModel model, MemberTag tag)
    {
        if (!ModelState.IsValid)
            return false;
        var errors = await _tagService.ValidateTagAsync(tag, model.Name);
        model.Builder = new SegmentModel();
        foreach (var error in errors)
        {
            var message = await _modelFactory.FormatErrorAsync(error);
            if (error.Field is "Name" or "Color")
                ModelState.AddModelError(error.Field, message);
            else
            {
                model.Errors.Add(message);
                // the builder marks the condition the error names
                model.Builder.DefinitionErrors.Add(new SegmentErrorModel(error.Field, message));
            }
        }

        return errors.Count == 0;
    }

    /// <summary>Queues the recompute "apply now" asks for; the run to follow, or null when none was queued.</summary>
    private async Task<int?> QueueRecomputeAsync(MemberTag tag)
    {
        if ((TagKind)tag.KindId != TagKind.Automatic || !tag.ApplyNow)
            return null;
        if (HttpContext.RequestServices.GetService<ITagJobs>() is { } jobs)
        {
            var run = await jobs.QueueRecomputeAsync(tag.Id);
            _notificationService.SuccessNotification(await ResourceAsync("ApplyNow.Queued"));
            return run?.Id;
        }

        _notificationService.WarningNotification(await ResourceAsync("ApplyNow.Unavailable"));
        return null;
    }

    /// <summary>After saving: the progress of the recompute just queued, else the tag or the list.</summary>
    private IActionResult AfterSave(MemberTag tag, int? runId, bool continueEditing) =>
        runId is { } id ? RedirectToAction("Progress", "TagBulk", new { id })
        : continueEditing ? RedirectToAction(nameof(Edit), new { id = tag.Id })
        : RedirectToAction(nameof(List));

    private void SetCsvHeaders(string fileName)
    {
        foreach (var c in Path.GetInvalidFileNameChars().Append('"'))
            fileName = fileName.Replace(c, '_');
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = fileName,
            FileName = "tags.csv"
        }.ToString();
    }

    #endregion

    #region List

    [Route("/Admin/MemberTags")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult Index() => RedirectToAction(nameof(List));

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> List() => View(ViewsPath + "List.cshtml", await _modelFactory.PrepareTagListModelAsync());

    /// <summary>Moves a tag one place up or down among its group's tags.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Move(int id, bool up)
    {
        var tag = await _tagService.GetTagByIdAsync(id);
        if (tag != null)
        {
            var siblings = (await _tagService.GetAllTagsAsync()).Where(t => t.Tag.GroupId == tag.Tag.GroupId).Select(t => t.Id).ToList();
            var index = siblings.IndexOf(id);
            var other = up ? index - 1 : index + 1;
            if (index >= 0 && other >= 0 && other < siblings.Count)
            {
                (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
                await _tagService.SortTagsAsync(siblings);
            }
        }

        return RedirectToAction(nameof(List));
    }

    #endregion

    #region Create / edit / delete

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create() => await EditViewAsync(null, null);

    [HttpPost, ParameterBasedOnFormName("save-continue", "continueEditing")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create(MemberTagModel model, bool continueEditing)
    {
        var tag = new MemberTag();
        await ApplyModelAsync(model, tag);
        if (!await ValidateTagAsync(model, tag))
            return await EditViewAsync(model, null);

        try
        {
            await _tagService.InsertTagAsync(tag, model.Name, (await _workContext.GetCurrentCustomerAsync()).Id);
        }
        catch (LoyaltyRuleException exception)
        {
            model.Errors.Add(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
            return await EditViewAsync(model, null);
        }

        _notificationService.SuccessNotification(await ResourceAsync("Added"));
        return AfterSave(tag, await QueueRecomputeAsync(tag), continueEditing);
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Edit(int id)
    {
        var tag = await _tagService.GetTagByIdAsync(id);
        if (tag == null)
            return RedirectToAction(nameof(List));
        return await EditViewAsync(null, tag);
    }

    [HttpPost, ParameterBasedOnFormName("save-continue", "continueEditing")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Edit(MemberTagModel model, bool continueEditing)
    {
        var view = await _tagService.GetTagByIdAsync(model.Id);
        if (view == null)
            return RedirectToAction(nameof(List));

        var tag = view.Tag;
        var ruleBefore = tag.RuleJson;
        var kindBefore = tag.KindId;
        await ApplyModelAsync(model, tag);
        if (!await ValidateTagAsync(model, tag))
            return await EditViewAsync(model, view);

        try
        {
            await _tagService.UpdateTagAsync(tag, model.Name);
        }
        catch (LoyaltyRuleException exception)
        {
            model.Errors.Add(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
            return await EditViewAsync(model, view);
        }

        _notificationService.SuccessNotification(await ResourceAsync("Updated"));
        // Members follow a new rule at once only when asked to; otherwise at the next batch.
        var runId = tag.RuleJson != ruleBefore || tag.KindId != kindBefore || model.ApplyNow ? await QueueRecomputeAsync(tag) : null;
        return AfterSave(tag, runId, continueEditing);
    }

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Delete(int id)
    {
        var tag = await _tagService.GetTagByIdAsync(id);
        if (tag == null)
            return RedirectToAction(nameof(List));

        await _tagService.DeleteTagAsync(tag.Tag);
        _notificationService.SuccessNotification(LocalizedMessages.Format(await ResourceAsync("Deleted"), [tag.Name]));
        return RedirectToAction(nameof(List));
    }

    #endregion

    #region Members

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> Members(TagMemberSearchModel searchModel)
    {
        var tag = await _tagService.GetTagByIdAsync(searchModel.TagId);
        if (tag == null)
            return ErrorJson(await ResourceAsync("NotFound"));
        return Json(await _modelFactory.PrepareMemberListModelAsync(searchModel, tag.Tag));
    }

    /// <summary>Takes the tag away from the customers selected in the grid.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> RemoveMembers(int tagId, int[] customerIds)
    {
        var tag = await _tagService.GetTagByIdAsync(tagId);
        if (tag == null || (TagKind)tag.Tag.KindId == TagKind.Automatic)
            return ErrorJson(await ResourceAsync(tag == null ? "NotFound" : "Members.AutomaticReadOnly"));

        var change = await Pipeline.UnassignAsync((customerIds ?? []).Distinct().Select(c => new TagAssignment(tagId, c)).ToList());
        return Json(new { Result = true, Message = await _localizationService.GetCountTextAsync(Prefix + "Members.Removed", change.Removed) });
    }

    /// <summary>Gives the tag to the customers listed by id or email (one a line, or separated by commas).</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    public async Task<IActionResult> AddMembers(int tagId, string customers)
    {
        var tag = await _tagService.GetTagByIdAsync(tagId);
        if (tag == null || (TagKind)tag.Tag.KindId == TagKind.Automatic)
            return ErrorJson(await ResourceAsync(tag == null ? "NotFound" : "Members.AutomaticReadOnly"));

        var list = CustomerListReader.Read((customers ?? string.Empty).Replace(',', '\n'));
        var found = await _tagService.FindCustomersAsync(list.CustomerIds, list.Emails);
        var problems = list.Rejected.Concat(list.Unmatched(found.Select(f => f.Id), found.Select(f => f.Email)))
            .Select(r => r.Text).ToList();
        var change = found.Count == 0
            ? TagChange.None
            : await Pipeline.AssignAsync(found.Select(f => new TagAssignment(tagId, f.Id)).Distinct().ToList());

        var message = await _localizationService.GetCountTextAsync(Prefix + "Members.Added", change.Added);
        if (problems.Count > 0)
            message += " " + LocalizedMessages.Format(await ResourceAsync("Members.NotFound"), [string.Join(", ", problems)]);
        // the entries not added stay in the box to be corrected
        return Json(new { Result = problems.Count == 0, Message = message, Remaining = string.Join("\n", problems) });
    }

    /// <summary>The tag's members as CSV, written page by page.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportMembers(int id)
    {
        var tag = await _tagService.GetTagByIdAsync(id);
        if (tag == null)
            return RedirectToAction(nameof(List));

        SetCsvHeaders($"tag-{tag.Name}-{DateTime.UtcNow:yyyyMMddHHmm}.csv");
        await TagCsvExport.WriteMembersAsync(_data, tag.Tag.CustomerRoleId,
            await LocalizedMessages.TextsAsync(_localizationService, SegmentService.CsvHeaderResources), Response.Body,
            cancellationToken: HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>Every customer holding a tag, with their tags, as CSV in the import's format.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_VIEW)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ExportAll()
    {
        var tags = (await _tagService.GetAllTagsAsync()).Select(ToRow).ToList();
        SetCsvHeaders($"customer-tags-{DateTime.UtcNow:yyyyMMddHHmm}.csv");
        await TagCsvExport.WriteCustomerTagsAsync(_data, tags,
            await LocalizedMessages.TextsAsync(_localizationService, [Prefix + "Csv.CustomerId", Prefix + "Csv.Email", Prefix + "Csv.Tags"]),
            Response.Body, cancellationToken: HttpContext.RequestAborted);
        return new EmptyResult();
    }

    #endregion

    #region Import

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public IActionResult Import() => View(ViewsPath + "Import.cshtml", new TagImportModel { OnlyIfAllValid = true });

    /// <summary>Reads the file (or text), keeps it server-side and shows what it would do; nothing is applied yet.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> Import(TagImportModel model)
    {
        string text, sourceName = null, encodingName = null;
        if (model.File is { Length: > 0 } file)
        {
            if (file.Length > MaxImportBytes)
            {
                _notificationService.ErrorNotification(LocalizedMessages.Format(await ResourceAsync("Import.TooLarge"), [MaxImportBytes / 1024 / 1024]));
                return View(ViewsPath + "Import.cshtml", model);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var decoded = CustomerListDecoder.Decode(buffer.ToArray());
            if (!decoded.IsText)
            {
                _notificationService.ErrorNotification(await ResourceAsync("Import.NotText"));
                return View(ViewsPath + "Import.cshtml", model);
            }
            (text, sourceName, encodingName) = (decoded.Text, Path.GetFileName(file.FileName), decoded.EncodingName);
        }
        else
            text = model.Text ?? string.Empty;

        var stored = await _uploadedLists.SaveAsync(text, sourceName, encodingName);
        model.Token = stored.Token;
        return await PreviewViewAsync(model, stored);
    }

    private async Task<IActionResult> PreviewViewAsync(TagImportModel model, UploadedCustomerList stored)
    {
        var preview = await TagCsvImport.PreviewAsync(_data, stored.Text,
            (await _tagService.GetAllTagsAsync()).Select(ToRow).ToList(), HttpContext.RequestAborted);
        model.HasPreview = true;
        model.SourceName = stored.SourceName;
        model.EncodingName = stored.EncodingName;
        model.RowsRead = preview.RowsRead;
        model.ValidRows = preview.ValidRows;
        model.AssignmentCount = preview.Assignments.Count;
        foreach (var problem in preview.Problems)
            model.Problems.Add(new TagImportProblemModel(problem.Line, problem.Text,
                await _modelFactory.FormatMessageAsync(problem.ResourceKey, problem.Arguments)));
        if (preview.RowsRead == 0)
            model.Problems.Add(new TagImportProblemModel(0, string.Empty, await _localizationService.GetResourceAsync(TagResourceKeys.ImportEmpty)));
        return View(ViewsPath + "Import.cshtml", model);
    }

    /// <summary>Applies the stored file: every valid row, or nothing unless every row is valid, as the admin chose.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    [CheckPermission(StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT)]
    public async Task<IActionResult> ImportConfirm(TagImportModel model)
    {
        var stored = await _uploadedLists.GetAsync(model.Token);
        if (stored == null)
        {
            _notificationService.ErrorNotification(await ResourceAsync("Import.Missing"));
            return RedirectToAction(nameof(Import));
        }

        // Read again: tags or customers may have changed since the preview.
        var preview = await TagCsvImport.PreviewAsync(_data, stored.Text,
            (await _tagService.GetAllTagsAsync()).Select(ToRow).ToList(), HttpContext.RequestAborted);
        var toApply = preview.ToApply(model.OnlyIfAllValid);
        if (toApply.Count == 0)
        {
            _notificationService.ErrorNotification(await ResourceAsync(preview.AllValid ? "Import.NothingToApply" : "Import.RefusedNotAllValid"));
            return await PreviewViewAsync(model, stored);
        }

        var change = await Pipeline.AssignAsync(toApply);
        await _uploadedLists.DeleteAsync(stored.Token);
        _notificationService.SuccessNotification(LocalizedMessages.Format(await ResourceAsync("Import.Done"),
            [change.Added, toApply.Count - change.Added, preview.Problems.Count]));
        return RedirectToAction(nameof(List));
    }

    #endregion

    #region Customer page

    /// <summary>The Tags card of the customer page, read again after each change.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult CustomerCard(int customerId) =>
        ViewComponent(typeof(Components.AdminCustomerTagsViewComponent), new { widgetZone = string.Empty, additionalData = customerId });

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> CustomerAdd(int customerId, int tagId) => await ChangeCustomerTagAsync(customerId, tagId, add: true);

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> CustomerRemove(int customerId, int tagId) => await ChangeCustomerTagAsync(customerId, tagId, add: false);

    private async Task<IActionResult> ChangeCustomerTagAsync(int customerId, int tagId, bool add)
    {
        var tag = await _tagService.GetTagByIdAsync(tagId);
        if (tag == null)
            return Json(new { Result = false, Message = await ResourceAsync("NotFound") });
        if ((TagKind)tag.Tag.KindId == TagKind.Automatic)
            return Json(new { Result = false, Message = await ResourceAsync("Members.AutomaticReadOnly") });
        if ((await _tagService.FindCustomersAsync([customerId], [])).Count == 0)
            return Json(new { Result = false, Message = await ResourceAsync("Customer.NotRegistered") });

        IReadOnlyCollection<TagAssignment> pair = [new TagAssignment(tagId, customerId)];
        if (add)
            await Pipeline.AssignAsync(pair);
        else
            await Pipeline.UnassignAsync(pair);
        return Json(new
        {
            Result = true,
            Message = LocalizedMessages.Format(await ResourceAsync(add ? "Customer.Added" : "Customer.Removed"), [tag.Name]),
            // the page's own customer roles field follows, or saving the customer would undo the change
            RoleId = tag.Tag.CustomerRoleId,
            RoleName = tag.Name,
            Added = add
        });
    }

    #endregion
}
