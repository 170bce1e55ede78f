using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Plugin.Loyalty.Services.Localization;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// Tagging from conditions (/Admin/MemberTags/Bulk): "tag everyone matching" or "untag everyone matching" with the
/// segment builder, a count and sample of the customers who will change, then a background run with its progress.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class TagBulkController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Tags/";
    private const string ResourcePrefix = "Plugins.Misc.Loyalty.Tags.Bulk.";
    private const int SampleSize = 20;
    private const string EmptyDefinition = "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[]}}";

    private readonly ILocalizationService _localizationService;
    private readonly IPermissionService _permissionService;
    private readonly ISegmentService _segmentService;
    private readonly ITagJobs _tagJobs;
    private readonly ITagStore _tagStore;
    private readonly SegmentModelFactory _segmentModelFactory;

    public TagBulkController(ILocalizationService localizationService,
        IPermissionService permissionService,
        ISegmentService segmentService,
        ITagJobs tagJobs,
        ITagStore tagStore,
        SegmentModelFactory segmentModelFactory)
    {
        _localizationService = localizationService;
        _permissionService = permissionService;
        _segmentService = segmentService;
        _tagJobs = tagJobs;
        _tagStore = tagStore;
        _segmentModelFactory = segmentModelFactory;
    }

    #region Utilities

    private Task<string> ResourceAsync(string key) => _localizationService.GetResourceAsync(ResourcePrefix + key);

    private async Task<TagRow> FindTagAsync(int tagId) =>
        (await _tagStore.ToListAsync(_tagStore.Tags.Where(t => t.Id == tagId))).FirstOrDefault();

    private async Task<IActionResult> FormViewAsync(TagBulkModel model)
    {
        // only manual tags: an automatic tag's rule alone decides its members
        var tags = await _tagStore.ToListAsync(_tagStore.Tags.Where(t => t.Kind == TagKind.Manual).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }));
        model.AvailableTags = tags.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == model.TagId)).ToList();
        model.AvailableTags.Insert(0, new SelectListItem(await ResourceAsync("Tag.Choose"), "0"));
        model.AvailableSegments = (await _segmentService.GetAllSegmentsAsync())
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == model.SegmentId)).ToList();
        model.AvailableSegments.Insert(0, new SelectListItem(await ResourceAsync("Segment.None"), ""));
        model.Builder = await _segmentModelFactory.PrepareSegmentModelAsync(
            new SegmentModel { DefinitionJson = model.Builder?.DefinitionJson ?? EmptyDefinition }, null);
        return View(ViewsPath + "Bulk.cshtml", model);
    }

    /// <summary>The posted conditions, or null with the localized reasons.</summary>
    private async Task<(SegmentDefinition Definition, IList<string> Errors)> ReadAsync(string json)
    {
        var (definition, problems) = await _segmentService.ReadAsync(json);
        var errors = new List<string>();
        foreach (var problem in problems)
            errors.Add(await _segmentModelFactory.FormatErrorAsync(problem));
        return (errors.Count == 0 ? definition : null, errors);
    }

    private static TagAction ActionOf(bool remove) => remove ? TagAction.Remove : TagAction.Add;

    #endregion

    /// <summary>The form: a tag, tag or untag, and conditions (optionally a saved segment's, loaded into the builder).</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Index(int tagId = 0, int? segmentId = null, bool remove = false)
    {
        var model = new TagBulkModel { TagId = tagId, SegmentId = segmentId, Remove = remove };
        if (segmentId is { } id && await _segmentService.GetSegmentByIdAsync(id) is { } segment)
            model.Builder.DefinitionJson = segment.DefinitionJson;
        return await FormViewAsync(model);
    }

    /// <summary>Counts who will change and shows a sample; nothing is written until the admin confirms.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Review(TagBulkModel model)
    {
        var tag = await FindTagAsync(model.TagId);
        var (definition, errors) = await ReadAsync(model.Builder?.DefinitionJson);
        if (tag is null)
            errors.Insert(0, await ResourceAsync("Errors.TagRequired"));
        else if (tag.Kind == TagKind.Automatic)
            errors.Insert(0, LocalizedMessages.Format(await _localizationService.GetResourceAsync(TagKeys.FollowsItsRule), [tag.Name]));
        if (tag is null || tag.Kind == TagKind.Automatic || definition is null)
        {
            model.Errors = errors;
            return await FormViewAsync(model);
        }

        var evaluatedAt = DateTime.UtcNow;
        var changing = TagSelections.Changing(definition, tag.Id, ActionOf(model.Remove));
        var confirm = new TagBulkConfirmModel
        {
            TagId = tag.Id,
            TagName = tag.Name,
            Remove = model.Remove,
            DefinitionJson = SegmentJson.Serialize(definition),
            EvaluatedAtTicks = evaluatedAt.Ticks,
            Description = await _segmentService.DescribeAsync(definition),
            MatchCount = await _segmentService.PreviewCountAsync(definition),
            ChangeCount = await _segmentService.PreviewCountAsync(changing)
        };
        // The counts are no one's personal data; the customers are, as on nopCommerce's customer list.
        if (await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW))
            confirm.Sample = (await _segmentService.SampleAsync(changing, SampleSize))
                .Select(c => new SegmentPreviewCustomerModel(c.Id, c.Email, $"{c.FirstName} {c.LastName}".Trim(),
                    Url.Content($"~/Admin/Customer/Edit/{c.Id}")))
                .ToList();
        else
            confirm.SampleDenied = await _localizationService.GetResourceAsync("Plugins.Misc.Loyalty.Segments.Preview.SampleDenied");
        return View(ViewsPath + "BulkConfirm.cshtml", confirm);
    }

    /// <summary>Queues the confirmed run and shows its progress.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Run(TagBulkConfirmModel model)
    {
        var tag = await FindTagAsync(model.TagId);
        var (definition, errors) = await ReadAsync(model.DefinitionJson);
        if (tag is null || definition is null)
        {
            var form = new TagBulkModel { TagId = model.TagId, Remove = model.Remove, Builder = new SegmentModel { DefinitionJson = model.DefinitionJson } };
            form.Errors = tag is null ? [await ResourceAsync("Errors.TagRequired"), .. errors] : errors;
            return await FormViewAsync(form);
        }

        var evaluatedAt = model.EvaluatedAtTicks > 0 ? new DateTime(model.EvaluatedAtTicks, DateTimeKind.Utc) : DateTime.UtcNow;
        var run = await _tagJobs.QueueApplyAsync(tag.Id, definition, evaluatedAt, ActionOf(model.Remove), model.ChangeCount);
        return RedirectToAction(nameof(Progress), new { id = run.Id });
    }

    /// <summary>The page that follows a run until it ends.</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Progress(int id)
    {
        var run = await _tagJobs.GetRunAsync(id);
        if (run is null)
            return RedirectToAction(nameof(Index));
        var tag = await FindTagAsync(run.TagId);
        return View(ViewsPath + "BulkProgress.cshtml", new TagBulkProgressModel
        {
            RunId = run.Id,
            TagId = tag?.Id ?? 0,
            TagName = tag?.Name ?? $"#{run.TagId}",
            Title = await ResourceAsync("Progress.Title." + run.Kind)
        });
    }

    /// <summary>The run's state for the progress page to poll (also for a recompute queued by "apply now").</summary>
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> RunStatus(int id)
    {
        var run = await _tagJobs.GetRunAsync(id);
        if (run is null)
            return Json(new { found = false });
        var done = run.Status is MemberTagRunStatus.Completed or MemberTagRunStatus.Failed;
        var percent = run.Status == MemberTagRunStatus.Completed ? 100
            : run.MaxCustomerId > 0 ? (int)(100L * run.LastCustomerId / run.MaxCustomerId) : 0;
        return Json(new
        {
            found = true,
            done,
            failed = run.Status == MemberTagRunStatus.Failed,
            status = await ResourceAsync("Status." + run.Status),
            percent,
            added = run.AddedCount,
            removed = run.RemovedCount,
            planned = run.PlannedCount,
            error = run.LastError
        });
    }
}
