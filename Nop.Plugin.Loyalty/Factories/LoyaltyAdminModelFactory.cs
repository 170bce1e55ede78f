using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Plugin.Loyalty.Engine.Store;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Prepares the admin models of special points: grants list and detail, wizard, configuration.</summary>
public class LoyaltyAdminModelFactory
{
    #region Fields

    /// <summary>The fields of a draft's terms (the content step); any other error concerns the target.</summary>
    private static readonly HashSet<string> ContentFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "Points", "ExpiresOnUtc", "ActivatesOnUtc", "ExpiresOn", "ActivatesOn"
    };

    private readonly ICustomerService _customerService;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly ISegmentService _segmentService;
    private readonly ISpecialGrantService _specialGrantService;
    private readonly LoyaltyDates _dates;
    private readonly SegmentModelFactory _segmentModelFactory;
    private readonly TargetDescriber _targetDescriber;
    private readonly UploadedListService _uploadedListService;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly IRepository<CustomerRole> _customerRoleRepository;

    /// <summary>Lines of the wizard's customer list shown as read.</summary>
    private const int CustomerListSampleLines = 5;

    #endregion

    #region Ctor

    public LoyaltyAdminModelFactory(ICustomerService customerService,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        ISegmentService segmentService,
        ISpecialGrantService specialGrantService,
        LoyaltyDates dates,
        SegmentModelFactory segmentModelFactory,
        TargetDescriber targetDescriber,
        UploadedListService uploadedListService,
        IRepository<MemberTag> tagRepository,
        IRepository<CustomerRole> customerRoleRepository)
    {
        _tagRepository = tagRepository;
        _customerRoleRepository = customerRoleRepository;
        _dates = dates;
        _uploadedListService = uploadedListService;
        _segmentModelFactory = segmentModelFactory;
        _targetDescriber = targetDescriber;
        _customerService = customerService;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _segmentService = segmentService;
        _specialGrantService = specialGrantService;
    }

    #endregion

    #region Utilities

    private Task<string> ResourceAsync(string key) => _localizationService.GetResourceAsync(key);

    /// <remarks>
    /// The result is a wall-clock time of the admin's time zone (kind Unspecified, even when that zone is UTC),
    /// so grids show it as is rather than shifting it to the browser's zone.
    /// </remarks>
    private async Task<DateTime> ToUserTimeAsync(DateTime utc) => DateTime.SpecifyKind(
        await _dateTimeHelper.ConvertToUserTimeAsync(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DateTimeKind.Utc),
        DateTimeKind.Unspecified);

    private async Task<DateTime?> ToUserTimeAsync(DateTime? utc) =>
        utc.HasValue ? await ToUserTimeAsync(utc.Value) : null;

    #endregion

    #region Messages

    /// <summary>The localized text of a resource key, formatted with its arguments.</summary>
    public Task<string> FormatMessageAsync(string resourceKey, IEnumerable<object> arguments) =>
        LocalizedMessages.FormatAsync(_localizationService, resourceKey, arguments);

    /// <summary>The localized message of a broken rule.</summary>
    public Task<string> FormatErrorAsync(ValidationError error) => LocalizedMessages.FormatAsync(_localizationService, error);

    /// <summary>Whether an error concerns the content step (name, points, dates) rather than the target.</summary>
    public static bool IsContentError(ValidationError error) => error.Field != null && ContentFields.Contains(error.Field);

    /// <summary>The localized status of a grant.</summary>
    public Task<string> GetStatusTextAsync(GrantStatus status) =>
        ResourceAsync($"Plugins.Misc.Loyalty.GrantStatus.{status}");

    #endregion

    #region Configuration

    public ConfigurationModel PrepareConfigurationModel(LoyaltySettings settings) => new()
    {
        PurgeAfterDays = settings.PurgeAfterDays,
        NotifyCustomers = settings.NotifyCustomers,
        NotifyOnlyNewsletterSubscribers = settings.NotifyOnlyNewsletterSubscribers,
        ExpiringSoonDays = settings.ExpiringSoonDays,
        TagRecomputeIntervalMinutes = settings.TagRecomputeIntervalMinutes,
        GrantChunkSize = settings.GrantChunkSize
    };

    #endregion

    #region Grants

    public GrantSearchModel PrepareGrantSearchModel(GrantSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);
        searchModel.SetGridPageSize();
        return searchModel;
    }

    public async Task<GrantListModel> PrepareGrantListModelAsync(GrantSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        var grants = await _specialGrantService.SearchGrantsAsync(searchModel.SearchName?.Trim(), searchModel.Page - 1, searchModel.PageSize);
        var creators = await GetCustomerEmailsAsync(grants.Select(g => g.CreatedByCustomerId));
        var targets = await _targetDescriber.DescribeGrantsAsync(grants);

        return await new GrantListModel().PrepareToGridAsync(searchModel, grants,
            () => grants.SelectAwait(async grant => await PrepareGrantModelAsync(grant, creators, targets)));
    }

    /// <param name="creators">The creators' emails by customer id, when read for a whole page.</param>
    /// <param name="targets">The grants' target descriptions by grant id, when written for a whole page.</param>
    public async Task<GrantModel> PrepareGrantModelAsync(SpecialGrant grant, IDictionary<int, string> creators = null,
        IDictionary<int, string> targets = null)
    {
        ArgumentNullException.ThrowIfNull(grant);

        creators ??= await GetCustomerEmailsAsync([grant.CreatedByCustomerId]);
        targets ??= await _targetDescriber.DescribeGrantsAsync([grant]);
        // While revoking, progress is what has been taken back of what was granted.
        var revoking = grant.Status is GrantStatus.Revoking or GrantStatus.Revoked;
        var (done, planned) = revoking ? (grant.RevokedCount, grant.GrantedCount) : (grant.GrantedCount, grant.PlannedRecipientCount);
        var percent = planned <= 0 ? (grant.Status is GrantStatus.Completed or GrantStatus.Revoked ? 100 : 0)
            : (int)Math.Min(100, Math.Round(100.0 * done / planned));

        return new GrantModel
        {
            Id = grant.Id,
            Name = grant.Name,
            Points = grant.Points,
            ExpiresOn = await _dates.ExpiryAsync(grant.ExpiresOnUtc, DateAudience.Admin),
            ActivatesOn = await _dates.InstantAsync(grant.ActivatesOnUtc, DateAudience.Admin),
            TargetDescription = targets.TryGetValue(grant.Id, out var target) ? target : null,
            StatusId = grant.StatusId,
            Status = await GetStatusTextAsync(grant.Status),
            IsInProgress = grant.Status is GrantStatus.Queued or GrantStatus.Running or GrantStatus.Revoking,
            CanRevokeAll = grant.Status is GrantStatus.Completed or GrantStatus.Failed,
            GrantedCount = grant.GrantedCount,
            PlannedRecipientCount = grant.PlannedRecipientCount,
            Progress = $"{done:N0} / {planned:N0}",
            ProgressPercent = percent,
            RevokedCount = grant.RevokedCount,
            RevokedText = grant.RevokedCount.ToString("N0"),
            PurgedCount = grant.PurgedCount,
            NotifyCustomers = grant.NotifyCustomers,
            CreatedOn = await _dates.InstantAsync(grant.CreatedOnUtc, DateAudience.Admin),
            CreatedByCustomerId = grant.CreatedByCustomerId,
            CreatedBy = creators.TryGetValue(grant.CreatedByCustomerId, out var email) ? email : grant.CreatedByCustomerId.ToString(),
            StartedOn = await _dates.InstantAsync(grant.StartedOnUtc, DateAudience.Admin),
            CompletedOn = await _dates.InstantAsync(grant.CompletedOnUtc, DateAudience.Admin),
            LastError = grant.LastError
        };
    }

    public async Task<GrantDetailsModel> PrepareGrantDetailsModelAsync(SpecialGrant grant)
    {
        var model = new GrantDetailsModel
        {
            Grant = await PrepareGrantModelAsync(grant),
            RecipientSearch = new GrantRecipientSearchModel { GrantId = grant.Id }
        };
        model.RecipientSearch.SetGridPageSize();
        return model;
    }

    public async Task<GrantRecipientListModel> PrepareRecipientListModelAsync(GrantRecipientSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);

        var recipients = await _specialGrantService.GetRecipientsAsync(searchModel.GrantId, searchModel.SearchEmail?.Trim(),
            searchModel.Page - 1, searchModel.PageSize);

        return await new GrantRecipientListModel().PrepareToGridAsync(searchModel, recipients,
            () => recipients.SelectAwait(async r => new GrantRecipientModel
            {
                Id = r.RecipientId,
                CustomerId = r.CustomerId,
                Email = string.IsNullOrEmpty(r.Email) ? $"#{r.CustomerId}" : r.Email,
                FullName = r.FullName,
                Points = r.Points,
                RemainingPoints = r.RemainingPoints,
                GrantedOn = await _dates.InstantAsync(r.GrantedOnUtc, DateAudience.Admin),
                RevokedOn = await _dates.InstantAsync(r.RevokedOnUtc, DateAudience.Admin),
                RevokedPoints = r.RevokedPoints,
                PurgedOn = await _dates.InstantAsync(r.PurgedOnUtc, DateAudience.Admin),
                CanRevoke = !r.RevokedOnUtc.HasValue && !r.PurgedOnUtc.HasValue && r.RemainingPoints > 0
            }));
    }

    private async Task<IDictionary<int, string>> GetCustomerEmailsAsync(IEnumerable<int> customerIds)
    {
        var ids = customerIds.Where(id => id > 0).Distinct().ToArray();
        if (ids.Length == 0)
            return new Dictionary<int, string>();

        var customers = await _customerService.GetCustomersByIdsAsync(ids);
        return customers.ToDictionary(c => c.Id, c => string.IsNullOrEmpty(c.Email) ? c.Id.ToString() : c.Email);
    }

    #endregion

    #region Wizard

    /// <summary>Reads the draft carried by the wizard's hidden field; a new draft when there is none or it is unreadable.</summary>
    public static GrantDraft ReadDraft(string state)
    {
        if (string.IsNullOrWhiteSpace(state))
            return new GrantDraft();

        try
        {
            return JsonSerializer.Deserialize<GrantDraft>(state) ?? new GrantDraft();
        }
        catch (JsonException)
        {
            return new GrantDraft();
        }
    }

    public static string WriteDraft(GrantDraft draft) => JsonSerializer.Serialize(draft);

    /// <summary>Fills the wizard model from the draft: the hidden state, every step's fields, the lists to pick from.</summary>
    public async Task<GrantWizardModel> PrepareWizardModelAsync(GrantWizardModel model, GrantDraft draft, GrantWizardStep step)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(draft);

        model.Step = step;
        model.State = WriteDraft(draft);

        model.TargetKind = (int)draft.TargetKind;
        model.SelectedRoleIds = draft.RoleIds?.ToList() ?? new List<int>();
        model.SelectedTagIds = draft.TagIds?.ToList() ?? new List<int>();
        model.CustomerListText = null;
        model.CustomerListSample = step == GrantWizardStep.Target || draft.TargetKind == GrantTargetKind.CustomerList
            ? await PrepareCustomerListSampleAsync(draft.CustomerListToken)
            : null;
        model.SegmentId = draft.SegmentId;
        model.Name = draft.Name;
        model.Points = draft.Points > 0 ? draft.Points : null;
        // The expiry is a day (and an optional time) in the store's time zone; the confirm step reads it back.
        var expiry = draft.ExpiresOnUtc is { } expiresOnUtc ? ExpiryDay.Of(expiresOnUtc, _dates.StoreZone) : (ExpiryDay?)null;
        model.ExpiresOn = expiry?.Day.ToDateTime(TimeOnly.MinValue);
        model.ExpiresAt = expiry?.Time;
        model.ExpiresOnText = await _dates.ExpiryAsync(draft.ExpiresOnUtc, DateAudience.Admin);
        model.ActivatesOn = await ToUserTimeAsync(draft.ActivatesOnUtc);
        model.ActivatesOnText = await _dates.InstantAsync(draft.ActivatesOnUtc, DateAudience.Admin);
        model.NotifyCustomers = draft.NotifyCustomers;

        model.TimeZoneName = await _dates.ViewerZoneNameAsync();
        model.StoreTimeZoneName = LoyaltyDates.ZoneName(_dates.StoreZone);

        model.AvailableTargetKinds = new List<SelectListItem>();
        foreach (var kind in new[] { GrantTargetKind.AllRegistered, GrantTargetKind.Roles, GrantTargetKind.CustomerList, GrantTargetKind.Segment, GrantTargetKind.InlineSegment, GrantTargetKind.Tags })
        {
            model.AvailableTargetKinds.Add(new SelectListItem
            {
                Value = ((int)kind).ToString(),
                Text = await ResourceAsync($"Plugins.Misc.Loyalty.Wizard.TargetKind.{kind}"),
                Selected = kind == draft.TargetKind
            });
        }

        var roles = await _customerService.GetAllCustomerRolesAsync();
        model.AvailableRoles = roles.Select(role => new SelectListItem
        {
            Value = role.Id.ToString(),
            Text = role.Name,
            Selected = model.SelectedRoleIds.Contains(role.Id)
        }).ToList();

        var tags = await NopTagStore.NamesAsync(_tagRepository.Table, _customerRoleRepository.Table);
        model.AvailableTags = tags.Select(tag => new SelectListItem
        {
            Value = tag.Id.ToString(),
            Text = tag.Name,
            Selected = model.SelectedTagIds.Contains(tag.Id)
        }).ToList();

        var segments = await _segmentService.GetAllSegmentsAsync();
        model.AvailableSegments = segments.Select(segment => new SelectListItem
        {
            Value = segment.Id.ToString(),
            Text = segment.Name,
            Selected = segment.Id == draft.SegmentId
        }).ToList();

        if (step == GrantWizardStep.Target)
            model.InlineSegment = await _segmentModelFactory.PrepareSegmentModelAsync(
                draft.SegmentDefinitionJson is { } json ? new SegmentModel { DefinitionJson = json } : null, null);

        return model;
    }

    private async Task<CustomerListSampleModel> PrepareCustomerListSampleAsync(Guid? token)
    {
        var list = await _uploadedListService.GetAsync(token);
        return list == null
            ? null
            : new CustomerListSampleModel(list.SourceName, list.EncodingName, CustomerListSample.FirstLines(list.Text, CustomerListSampleLines).ToList());
    }

    /// <summary>Copies a preview to the wizard model, messages localized.</summary>
    /// <param name="onlyTargetErrors">At the target step, errors about the terms (not entered yet) are left out.</param>
    public async Task ApplyPreviewAsync(GrantWizardModel model, GrantPreview preview, bool onlyTargetErrors)
    {
        model.HasPreview = true;
        model.RecipientCount = preview.RecipientCount;
        model.TotalPoints = preview.TotalPoints;
        model.TotalValue = string.IsNullOrEmpty(preview.TotalValueFormatted) ? preview.TotalValue.ToString("N2") : preview.TotalValueFormatted;
        model.TargetDescription = preview.TargetDescription;
        model.CanConfirm = preview.CanConfirm;

        foreach (var error in preview.Errors.Where(e => !onlyTargetErrors || !IsContentError(e)))
            model.Errors.Add(await FormatErrorAsync(error));

        model.RejectedRows = await PrepareRejectedRowsAsync(preview.RejectedRows);
    }

    public async Task<IList<RejectedRowModel>> PrepareRejectedRowsAsync(IEnumerable<RejectedRow> rows)
    {
        var result = new List<RejectedRowModel>();
        foreach (var row in rows ?? [])
            result.Add(new RejectedRowModel(row.LineNumber, row.Text, await FormatMessageAsync(row.ResourceKey, [row.Text, row.LineNumber])));
        return result.OrderBy(r => r.LineNumber == 0 ? int.MaxValue : r.LineNumber).ToList();
    }

    #endregion
}
