using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Models.Tags;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Models of the member tag pages and of the customer page's Tags card.</summary>
public class MemberTagModelFactory
{
    private const string Prefix = "Plugins.Misc.Loyalty.Tags.";
    private const string EmptyDefinition = "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[]}}";

    private readonly ILocalizationService _localizationService;
    private readonly IMemberTagService _tagService;
    private readonly IPermissionService _permissionService;
    private readonly ISegmentService _segmentService;
    private readonly LoyaltyDates _dates;
    private readonly SegmentModelFactory _segmentModelFactory;

    public MemberTagModelFactory(ILocalizationService localizationService,
        IMemberTagService tagService,
        IPermissionService permissionService,
        ISegmentService segmentService,
        LoyaltyDates dates,
        SegmentModelFactory segmentModelFactory)
    {
        _localizationService = localizationService;
        _tagService = tagService;
        _permissionService = permissionService;
        _segmentService = segmentService;
        _dates = dates;
        _segmentModelFactory = segmentModelFactory;
    }

    private Task<string> ResourceAsync(string suffix) => _localizationService.GetResourceAsync(Prefix + suffix);

    /// <summary>The localized message of a broken rule.</summary>
    public Task<string> FormatErrorAsync(ValidationError error) => LocalizedMessages.FormatAsync(_localizationService, error);

    /// <summary>A localized message with its placeholders filled.</summary>
    public Task<string> FormatMessageAsync(string resourceKey, IEnumerable<object> arguments) =>
        LocalizedMessages.FormatAsync(_localizationService, resourceKey, arguments);

    public async Task<string> KindTextAsync(TagKind kind) =>
        await ResourceAsync(kind == TagKind.Automatic ? "Kind.Automatic" : "Kind.Manual");

    private async Task<MemberTagRowModel> RowAsync(MemberTagView view, Dictionary<int, int> counts) => new()
    {
        Id = view.Id,
        Name = view.Name,
        Color = view.Tag.Color,
        Description = view.Tag.Description,
        KindText = await KindTextAsync((TagKind)view.Tag.KindId),
        IsAutomatic = view.Tag.KindId == (int)TagKind.Automatic,
        VisibleToCustomers = view.Tag.VisibleToCustomers,
        MemberCount = counts?.GetValueOrDefault(view.Id) ?? 0,
        LastRecomputedOn = await _dates.InstantAsync(view.Tag.LastRecomputedOnUtc, DateAudience.Admin),
        DisplayOrder = view.Tag.DisplayOrder,
        CustomerRoleId = view.Tag.CustomerRoleId
    };

    public async Task<MemberTagListModel> PrepareTagListModelAsync()
    {
        var groups = await _tagService.GetAllGroupsAsync();
        var tags = await _tagService.GetAllTagsAsync();
        var counts = await _tagService.CountMembersAsync();
        var model = new MemberTagListModel
        {
            CanViewMembers = await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW)
        };

        var groupIds = groups.Select(g => g.Id).ToHashSet();
        foreach (var group in groups)
        {
            var rows = new List<MemberTagRowModel>();
            foreach (var tag in tags.Where(t => t.Tag.GroupId == group.Id))
                rows.Add(await RowAsync(tag, counts));
            model.Sections.Add(new MemberTagSectionModel(group.Id, group.Name, rows));
        }

        var ungrouped = new List<MemberTagRowModel>();
        foreach (var tag in tags.Where(t => t.Tag.GroupId is not { } id || !groupIds.Contains(id)))
            ungrouped.Add(await RowAsync(tag, counts));
        if (ungrouped.Count > 0 || groups.Count == 0)
            model.Sections.Add(new MemberTagSectionModel(null, await ResourceAsync("Ungrouped"), ungrouped));

        return model;
    }

    /// <summary>
    /// The edit page's model. With <paramref name="tag"/> and no posted model, the stored values; otherwise the posted
    /// values are kept as entered (the builder's conditions included), so nothing the admin typed is lost.
    /// </summary>
    public async Task<MemberTagModel> PrepareTagModelAsync(MemberTagModel model, MemberTagView tag)
    {
        if (model == null)
        {
            model = new MemberTagModel { Color = TagEditRules.DefaultColor, DefinitionJson = EmptyDefinition, KindId = (int)TagKind.Manual };
            if (tag != null)
            {
                model.Id = tag.Id;
                model.Name = tag.Name;
                model.GroupId = tag.Tag.GroupId;
                model.Color = tag.Tag.Color;
                model.Description = tag.Tag.Description;
                model.VisibleToCustomers = tag.Tag.VisibleToCustomers;
                model.DisplayOrder = tag.Tag.DisplayOrder;
                model.KindId = tag.Tag.KindId;
                model.ApplyNow = tag.Tag.ApplyNow;
                model.SegmentId = tag.Tag.SegmentId;
                // A rule taken from a segment that was deleted since is shown as the conditions it was copied as.
                var fromSegment = tag.Tag.SegmentId is { } segmentId && await _segmentService.GetSegmentByIdAsync(segmentId) != null;
                model.RuleSource = fromSegment ? MemberTagModel.RuleFromSegment : MemberTagModel.RuleFromConditions;
                model.DefinitionJson = string.IsNullOrEmpty(tag.Tag.RuleJson) ? EmptyDefinition : tag.Tag.RuleJson;
            }
        }

        if (tag != null)
        {
            model.CustomerRoleId = tag.Tag.CustomerRoleId;
            model.MemberCount = (await _tagService.CountMembersAsync()).GetValueOrDefault(tag.Id);
            model.LastRecomputedOn = await _dates.InstantAsync(tag.Tag.LastRecomputedOnUtc, DateAudience.Admin);
            model.CreatedOn = await _dates.InstantAsync(tag.Tag.CreatedOnUtc, DateAudience.Admin);
            model.CanViewMembers = await _permissionService.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_VIEW);
            model.MemberSearch = new TagMemberSearchModel { TagId = tag.Id };
            model.MemberSearch.SetGridPageSize();
        }

        model.AvailableGroups.Add(new SelectListItem(await ResourceAsync("Fields.Group.None"), string.Empty));
        foreach (var group in await _tagService.GetAllGroupsAsync())
            model.AvailableGroups.Add(new SelectListItem(group.Name, group.Id.ToString(), group.Id == model.GroupId));

        foreach (var kind in Enum.GetValues<TagKind>())
            model.AvailableKinds.Add(new SelectListItem(await KindTextAsync(kind), ((int)kind).ToString(), (int)kind == model.KindId));

        foreach (var segment in await _segmentService.GetAllSegmentsAsync())
            model.AvailableSegments.Add(new SelectListItem(segment.Name, segment.Id.ToString(), segment.Id == model.SegmentId));

        // The segment builder edits the conditions; its partial reads a segment model.
        var builder = new SegmentModel { DefinitionJson = model.DefinitionJson ?? EmptyDefinition };
        if (model.Builder?.DefinitionErrors is { Count: > 0 } errors)
            builder.DefinitionErrors = errors;
        model.Builder = await _segmentModelFactory.PrepareSegmentModelAsync(builder, null);

        return model;
    }

    public async Task<MemberTagGroupListModel> PrepareGroupListModelAsync(MemberTagGroupModel newGroup = null)
    {
        var tags = await _tagService.GetAllTagsAsync();
        var model = new MemberTagGroupListModel { NewGroup = newGroup ?? new MemberTagGroupModel() };
        foreach (var group in await _tagService.GetAllGroupsAsync())
            model.Groups.Add(new MemberTagGroupModel
            {
                Id = group.Id,
                Name = group.Name,
                DisplayOrder = group.DisplayOrder,
                TagCount = tags.Count(t => t.Tag.GroupId == group.Id)
            });
        return model;
    }

    public async Task<TagMemberListModel> PrepareMemberListModelAsync(TagMemberSearchModel searchModel, MemberTag tag)
    {
        ArgumentNullException.ThrowIfNull(searchModel);
        var members = await _tagService.SearchMembersAsync(tag, searchModel.SearchText, searchModel.Page - 1, searchModel.PageSize);
        return new TagMemberListModel().PrepareToGrid(searchModel, members, () => members.Select(m => new TagMemberRowModel
        {
            Id = m.CustomerId,
            Email = m.Email,
            Name = $"{m.FirstName} {m.LastName}".Trim()
        }));
    }

    public async Task<CustomerTagsModel> PrepareCustomerTagsModelAsync(int customerId)
    {
        var held = (await _tagService.GetCustomerTagsAsync(customerId)).Select(t => t.Id).ToHashSet();
        var model = new CustomerTagsModel { CustomerId = customerId };
        foreach (var tag in await _tagService.GetAllTagsAsync())
        {
            var row = await RowAsync(tag, null);
            (held.Contains(tag.Id) ? model.Tags : model.OtherTags).Add(row);
        }

        return model;
    }
}
