using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Turns the wizard's choice of recipients (a <see cref="GrantDraft"/>) into the engine's grant target.</summary>
public class GrantTargetFactory
{
    private readonly IRepository<CustomerRole> _customerRoleRepository;
    private readonly ISegmentService _segmentService;
    private readonly UploadedListService _uploadedListService;

    public GrantTargetFactory(IRepository<CustomerRole> customerRoleRepository,
        ISegmentService segmentService,
        UploadedListService uploadedListService)
    {
        _uploadedListService = uploadedListService;
        _customerRoleRepository = customerRoleRepository;
        _segmentService = segmentService;
    }

    /// <summary>The draft's target, with the errors and rejected rows found building it.</summary>
    public virtual async Task<(GrantTarget Target, CustomerList List, IList<ValidationError> Errors)> BuildAsync(GrantDraft draft)
    {
        var errors = new List<ValidationError>();
        switch (draft.TargetKind)
        {
            case GrantTargetKind.AllRegistered:
                return (new AllRegisteredTarget(), null, errors);

            case GrantTargetKind.Roles:
            {
                var roleIds = (draft.RoleIds ?? new List<int>()).Distinct().ToArray();
                var roles = roleIds.Length == 0
                    ? new List<CustomerRole>()
                    : await _customerRoleRepository.Table.Where(r => roleIds.Contains(r.Id)).OrderBy(r => r.Name).ToListAsync();
                if (roles.Count == 0)
                {
                    errors.Add(new ValidationError(nameof(GrantDraft.RoleIds), ResourceKeys.TargetEmpty));
                    return (null, null, errors);
                }

                return (new RolesTarget(roles.Select(r => r.Id).ToList(), roles.Select(r => r.Name).ToList()), null, errors);
            }

            case GrantTargetKind.CustomerList:
            {
                var stored = await _uploadedListService.GetAsync(draft.CustomerListToken);
                if (stored == null)
                {
                    errors.Add(draft.CustomerListToken == null
                        ? new ValidationError(nameof(GrantDraft.CustomerListToken), ResourceKeys.ListEmpty)
                        : new ValidationError(nameof(GrantDraft.CustomerListToken), LoyaltyDefaults.CustomerListMissingResource,
                            (int)LoyaltyDefaults.UploadedListLifetime.TotalHours));
                    return (null, null, errors);
                }

                var list = CustomerListReader.Read(stored.Text);
                if (list.Count == 0)
                {
                    errors.Add(new ValidationError(nameof(GrantDraft.CustomerListToken), ResourceKeys.ListEmpty));
                    return (null, list, errors);
                }

                // A pasted list has no name: its description says "pasted" in the language of whoever reads it.
                var fileName = string.IsNullOrWhiteSpace(stored.SourceName) ? null : stored.SourceName.Trim();
                return (new CustomerListTarget(list.CustomerIds, list.Emails, fileName, list.RowsRead), list, errors);
            }

            case GrantTargetKind.Segment:
            {
                var segment = draft.SegmentId is { } segmentId ? await _segmentService.GetSegmentByIdAsync(segmentId) : null;
                if (segment == null)
                {
                    errors.Add(new ValidationError(nameof(GrantDraft.SegmentId), LoyaltyDefaults.SegmentNotFoundResource));
                    return (null, null, errors);
                }

                return await SegmentTargetAsync(segment.DefinitionJson, nameof(GrantDraft.SegmentId), errors, segment.Name, segment.Id);
            }

            case GrantTargetKind.Tags:
            {
                // A segment of one "has tag" condition: the grant keeps it and describes it as "have tag Gold, Silver".
                var tagIds = (draft.TagIds ?? new List<int>()).Distinct().Order().ToList();
                if (tagIds.Count == 0)
                {
                    errors.Add(new ValidationError(nameof(GrantDraft.TagIds), ResourceKeys.TargetEmpty));
                    return (null, null, errors);
                }

                return await SegmentTargetAsync(SegmentJson.Serialize(new SegmentDefinition(new TagCondition(tagIds))), nameof(GrantDraft.TagIds), errors);
            }

            case GrantTargetKind.InlineSegment:
                return await SegmentTargetAsync(draft.SegmentDefinitionJson, nameof(GrantDraft.SegmentDefinitionJson), errors);

            default:
                errors.Add(new ValidationError(nameof(GrantDraft.TargetKind), ResourceKeys.TargetUnreadable, draft.TargetKind));
                return (null, null, errors);
        }
    }

    // The definition as it is now, evaluated at this instant in the store's time zone (the grant keeps both); only
    // when it may be saved, otherwise its problems under the wizard's field.
    private async Task<(GrantTarget Target, CustomerList List, IList<ValidationError> Errors)> SegmentTargetAsync(
        string json, string field, List<ValidationError> errors, string segmentName = null, int? segmentId = null)
    {
        var (definition, problems) = await _segmentService.ReadAsync(json);
        foreach (var problem in problems)
            errors.Add(new ValidationError(field, problem.ResourceKey, [.. problem.Arguments]));
        return definition == null
            ? (null, null, errors)
            : (await _segmentService.BuildTargetAsync(definition, DateTime.UtcNow, segmentName, segmentId), null, errors);
    }
}
