using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Services.Customers;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>Tag groups and tags on nopCommerce: each tag's customer role is kept by nopCommerce's customer service.</summary>
public class MemberTagService : IMemberTagService
{
    /// <summary>The system name of a tag's role is this prefix and the tag's id.</summary>
    public const string RoleSystemNamePrefix = "Loyalty.Tag.";

    private readonly ICustomerService _customerService;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<CustomerCustomerRoleMapping> _mappingRepository;
    private readonly IRepository<CustomerRole> _roleRepository;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly IRepository<MemberTagGroup> _groupRepository;
    private readonly ISegmentService _segmentService;
    private readonly StoreSourcesFactory _sourcesFactory;
    private readonly TimeProvider _timeProvider;

    public MemberTagService(ICustomerService customerService,
        IRepository<Customer> customerRepository,
        IRepository<CustomerCustomerRoleMapping> mappingRepository,
        IRepository<CustomerRole> roleRepository,
        IRepository<MemberTag> tagRepository,
        IRepository<MemberTagGroup> groupRepository,
        ISegmentService segmentService,
        StoreSourcesFactory sourcesFactory,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _customerRepository = customerRepository;
        _mappingRepository = mappingRepository;
        _roleRepository = roleRepository;
        _tagRepository = tagRepository;
        _groupRepository = groupRepository;
        _segmentService = segmentService;
        _sourcesFactory = sourcesFactory;
        _timeProvider = timeProvider;
    }

    public static string RoleSystemName(int tagId) => RoleSystemNamePrefix + tagId.ToString(CultureInfo.InvariantCulture);

    #region Utilities

    private static void ThrowFirst(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
            throw new LoyaltyRuleException(errors[0].ResourceKey, [.. errors[0].Arguments]);
    }

    /// <summary>Tags joined to their roles' names (the name lives on the role only).</summary>
    protected virtual IQueryable<MemberTagView> Views(IQueryable<MemberTag> tags) =>
        from t in tags
        join r in _roleRepository.Table on t.CustomerRoleId equals r.Id
        select new MemberTagView(t, r.Name);

    protected virtual async Task<IList<MemberTagView>> SortedAsync(IQueryable<MemberTag> tags)
    {
        var views = await Views(tags).ToListAsync();
        var groupOrder = (await GetAllGroupsAsync()).Select((g, i) => (g.Id, i)).ToDictionary(g => g.Id, g => g.i);
        // Ungrouped tags come after every group.
        return views
            .OrderBy(v => v.Tag.GroupId is { } id && groupOrder.TryGetValue(id, out var order) ? order : int.MaxValue)
            .ThenBy(v => v.Tag.DisplayOrder)
            .ThenBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(v => v.Id)
            .ToList();
    }

    #endregion

    #region Groups

    public virtual async Task<MemberTagGroup> GetGroupByIdAsync(int groupId) => await _groupRepository.GetByIdAsync(groupId);

    public virtual async Task<IList<MemberTagGroup>> GetAllGroupsAsync() =>
        await _groupRepository.Table.OrderBy(g => g.DisplayOrder).ThenBy(g => g.Name).ThenBy(g => g.Id).ToListAsync();

    public virtual async Task<IReadOnlyList<ValidationError>> ValidateGroupAsync(MemberTagGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var others = await _groupRepository.Table.Where(g => g.Id != group.Id).Select(g => g.Name).ToListAsync();
        return TagEditRules.ValidateGroup(group.Name, others);
    }

    public virtual async Task InsertGroupAsync(MemberTagGroup group)
    {
        ThrowFirst(await ValidateGroupAsync(group));
        group.Name = TagEditRules.NormalizeName(group.Name);
        await _groupRepository.InsertAsync(group, false);
    }

    public virtual async Task UpdateGroupAsync(MemberTagGroup group)
    {
        ThrowFirst(await ValidateGroupAsync(group));
        group.Name = TagEditRules.NormalizeName(group.Name);
        await _groupRepository.UpdateAsync(group, false);
    }

    public virtual async Task DeleteGroupAsync(MemberTagGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var groupId = group.Id;
        // A store has tens of tags, not thousands: they are read and written back as entities.
        var tags = await _tagRepository.Table.Where(t => t.GroupId == groupId).ToListAsync();
        foreach (var tag in tags)
            tag.GroupId = null;
        using var transaction = LoyaltyTransaction.Begin();
        if (tags.Count > 0)
            await _tagRepository.UpdateAsync(tags, false);
        await _groupRepository.DeleteAsync(group, false);
        transaction.Complete();
    }

    public virtual async Task SortGroupsAsync(IReadOnlyList<int> groupIds)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var positions = groupIds.Distinct().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i * 10);
        var ids = positions.Keys.ToArray();
        var groups = await _groupRepository.Table.Where(g => ids.Contains(g.Id)).ToListAsync();
        foreach (var group in groups)
            group.DisplayOrder = positions[group.Id];
        await _groupRepository.UpdateAsync(groups, false);
    }

    #endregion

    #region Tags

    public virtual async Task<MemberTagView> GetTagByIdAsync(int tagId) =>
        tagId <= 0 ? null : await Views(_tagRepository.Table.Where(t => t.Id == tagId)).FirstOrDefaultAsync();

    public virtual async Task<MemberTagView> GetTagByRoleIdAsync(int customerRoleId) =>
        customerRoleId <= 0 ? null : await Views(_tagRepository.Table.Where(t => t.CustomerRoleId == customerRoleId)).FirstOrDefaultAsync();

    public virtual Task<IList<MemberTagView>> GetAllTagsAsync() => SortedAsync(_tagRepository.Table);

    public virtual async Task<IDictionary<string, MemberTagView>> GetTagsByNameAsync()
    {
        var byName = new Dictionary<string, MemberTagView>(StringComparer.OrdinalIgnoreCase);
        foreach (var view in await Views(_tagRepository.Table).ToListAsync())
            byName.TryAdd(TagEditRules.NormalizeName(view.Name), view);
        return byName;
    }

    public virtual async Task<IReadOnlyList<ValidationError>> ValidateTagAsync(MemberTag tag, string name)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var roleId = tag.CustomerRoleId;
        var otherRoleNames = await _roleRepository.Table.Where(r => r.Id != roleId).Select(r => r.Name).ToListAsync();
        var kind = (TagKind)tag.KindId;
        var errors = TagEditRules.Validate(name, tag.Color, kind, !string.IsNullOrWhiteSpace(tag.RuleJson), otherRoleNames).ToList();
        if (kind == TagKind.Automatic && !string.IsNullOrWhiteSpace(tag.RuleJson))
            errors.AddRange((await _segmentService.ReadAsync(tag.RuleJson)).Errors);
        return errors;
    }

    /// <summary>Normalizes what is stored: the rule as the engine writes it (none for a manual tag), texts trimmed.</summary>
    protected virtual async Task PrepareForStorageAsync(MemberTag tag, string name)
    {
        ThrowFirst(await ValidateTagAsync(tag, name));
        if ((TagKind)tag.KindId == TagKind.Automatic)
            tag.RuleJson = SegmentJson.Serialize((await _segmentService.ReadAsync(tag.RuleJson)).Definition);
        else
        {
            tag.RuleJson = null;
            tag.SegmentId = null;
            tag.ApplyNow = false;
        }

        tag.Color = tag.Color.ToLowerInvariant();
        tag.Description = string.IsNullOrWhiteSpace(tag.Description) ? null : CommonHelper.EnsureMaximumLength(tag.Description.Trim(), 1000);
    }

    public virtual async Task InsertTagAsync(MemberTag tag, string name, int customerId)
    {
        ArgumentNullException.ThrowIfNull(tag);
        tag.CustomerRoleId = 0;
        await PrepareForStorageAsync(tag, name);
        tag.CreatedByCustomerId = customerId;
        tag.CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;

        // The role's system name holds the tag's id, known only once the tag row exists: the role is created under a
        // placeholder and renamed in the same transaction.
        using var transaction = LoyaltyTransaction.Begin();
        var role = new CustomerRole
        {
            Name = TagEditRules.NormalizeName(name),
            SystemName = RoleSystemNamePrefix + "new." + Guid.NewGuid().ToString("N"),
            Active = true,
            IsSystemRole = false
        };
        await _customerService.InsertCustomerRoleAsync(role);
        tag.CustomerRoleId = role.Id;
        await _tagRepository.InsertAsync(tag, false);
        role.SystemName = RoleSystemName(tag.Id);
        await _customerService.UpdateCustomerRoleAsync(role);
        transaction.Complete();
    }

    public virtual async Task UpdateTagAsync(MemberTag tag, string name)
    {
        ArgumentNullException.ThrowIfNull(tag);
        await PrepareForStorageAsync(tag, name);

        using var transaction = LoyaltyTransaction.Begin();
        await _tagRepository.UpdateAsync(tag, false);
        var role = await _customerService.GetCustomerRoleByIdAsync(tag.CustomerRoleId);
        var newName = TagEditRules.NormalizeName(name);
        if (role != null && (role.Name != newName || role.SystemName != RoleSystemName(tag.Id)))
        {
            role.Name = newName;
            role.SystemName = RoleSystemName(tag.Id);
            await _customerService.UpdateCustomerRoleAsync(role);
        }

        transaction.Complete();
    }

    public virtual async Task DeleteTagAsync(MemberTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        // The tag goes first, so the role's deleted event finds no tag left to delete.
        using var transaction = LoyaltyTransaction.Begin();
        await _tagRepository.DeleteAsync(tag, false);
        var role = await _customerService.GetCustomerRoleByIdAsync(tag.CustomerRoleId);
        // nopCommerce's DeleteCustomerRoleAsync deletes the role row only: the customer mappings go by the foreign key's
        // cascade, and the role's delete event clears the cached customers' roles (CustomerRoleCacheEventConsumer).
        if (role is { IsSystemRole: false })
            await _customerService.DeleteCustomerRoleAsync(role);
        transaction.Complete();
    }

    public virtual async Task SortTagsAsync(IReadOnlyList<int> tagIds)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        var positions = tagIds.Distinct().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i * 10);
        var ids = positions.Keys.ToArray();
        var tags = await _tagRepository.Table.Where(t => ids.Contains(t.Id)).ToListAsync();
        foreach (var tag in tags)
            tag.DisplayOrder = positions[tag.Id];
        await _tagRepository.UpdateAsync(tags, false);
    }

    #endregion

    #region Members

    public virtual async Task<Dictionary<int, int>> CountMembersAsync()
    {
        var counts = await (
                from t in _tagRepository.Table
                join m in _mappingRepository.Table on t.CustomerRoleId equals m.CustomerRoleId
                join c in _customerRepository.Table on m.CustomerId equals c.Id
                where !c.Deleted
                group t by t.Id into g
                select new { TagId = g.Key, Count = g.Count() })
            .ToListAsync();
        return counts.ToDictionary(c => c.TagId, c => c.Count);
    }

    public virtual async Task<IPagedList<TagMemberView>> SearchMembersAsync(MemberTag tag, string search, int pageIndex, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var roleId = tag.CustomerRoleId;
        var query = from m in _mappingRepository.Table
            join c in _customerRepository.Table on m.CustomerId equals c.Id
            where m.CustomerRoleId == roleId && !c.Deleted
            select c;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var part = search.Trim();
            query = query.Where(c => c.Email.Contains(part) || c.FirstName.Contains(part) || c.LastName.Contains(part)
                || (c.FirstName + " " + c.LastName).Contains(part) || (c.LastName + " " + c.FirstName).Contains(part));
        }

        return await query.OrderBy(c => c.Id)
            .Select(c => new TagMemberView(c.Id, c.Email, c.FirstName, c.LastName))
            .ToPagedListAsync(pageIndex, pageSize);
    }

    public virtual async Task<IList<MemberTagView>> GetCustomerTagsAsync(int customerId)
    {
        var roleIds = _mappingRepository.Table.Where(m => m.CustomerId == customerId).Select(m => m.CustomerRoleId);
        return await SortedAsync(_tagRepository.Table.Where(t => roleIds.Contains(t.CustomerRoleId)));
    }

    public virtual async Task<IList<(int Id, string Email)>> FindCustomersAsync(IReadOnlyCollection<int> ids, IReadOnlyCollection<string> emails)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(emails);
        if (ids.Count == 0 && emails.Count == 0)
            return [];

        // The grant wizard's matching: registered customers, emails without regard to case.
        var target = new CustomerListTarget(ids.ToList(), emails.ToList(), null);
        var rows = await target.Matching(await _sourcesFactory.GetSourcesAsync()).Select(c => new { c.Id, c.Email }).ToListAsync();
        return rows.Select(r => (r.Id, r.Email)).ToList();
    }

    #endregion
}
