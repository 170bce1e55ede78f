using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>A tag with the name it takes from its customer role.</summary>
public sealed record MemberTagView(MemberTag Tag, string Name)
{
    public int Id => Tag.Id;
}

/// <summary>A member of a tag, as the members grid lists them.</summary>
public sealed record TagMemberView(int CustomerId, string Email, string FirstName, string LastName);

/// <summary>
/// Tag groups and tags: storage, sorting, validation, and the customer role behind every tag (created, renamed and
/// deleted with it). Membership is never written here: it goes through the engine's MemberTagPipeline.
/// </summary>
public interface IMemberTagService
{
    #region Groups

    Task<MemberTagGroup> GetGroupByIdAsync(int groupId);

    /// <summary>Every group, by display order then name.</summary>
    Task<IList<MemberTagGroup>> GetAllGroupsAsync();

    /// <summary>The group's broken rules (name required and unique among groups).</summary>
    Task<IReadOnlyList<ValidationError>> ValidateGroupAsync(MemberTagGroup group);

    /// <summary>Stores a new group; throws <see cref="Engine.LoyaltyRuleException"/> when its name is missing or taken.</summary>
    Task InsertGroupAsync(MemberTagGroup group);

    /// <summary>Stores changes; throws <see cref="Engine.LoyaltyRuleException"/> when its name is missing or taken.</summary>
    Task UpdateGroupAsync(MemberTagGroup group);

    /// <summary>Deletes the group; its tags stay, ungrouped.</summary>
    Task DeleteGroupAsync(MemberTagGroup group);

    /// <summary>Gives the groups the order listed (display orders 0, 10, 20…); groups not listed keep theirs.</summary>
    Task SortGroupsAsync(IReadOnlyList<int> groupIds);

    #endregion

    #region Tags

    Task<MemberTagView> GetTagByIdAsync(int tagId);

    Task<MemberTagView> GetTagByRoleIdAsync(int customerRoleId);

    /// <summary>Every tag with its name: by group display order, then tag display order, then name.</summary>
    Task<IList<MemberTagView>> GetAllTagsAsync();

    /// <summary>Tags by name (role names compare without case), for imports and the customer card.</summary>
    Task<IDictionary<string, MemberTagView>> GetTagsByNameAsync();

    /// <summary>The tag's broken rules: name, colour, rule (the engine's checks of the rule included).</summary>
    Task<IReadOnlyList<ValidationError>> ValidateTagAsync(MemberTag tag, string name);

    /// <summary>
    /// Stores a new tag and creates its customer role (named as the tag, system name Loyalty.Tag.&lt;id&gt;, active,
    /// not a system role, no permissions), both or neither. Throws <see cref="Engine.LoyaltyRuleException"/> when invalid.
    /// </summary>
    Task InsertTagAsync(MemberTag tag, string name, int customerId);

    /// <summary>Stores changes and renames the tag's role when the name changed. Throws when invalid.</summary>
    Task UpdateTagAsync(MemberTag tag, string name);

    /// <summary>Deletes the tag and its role (the role's customer mappings go with it).</summary>
    Task DeleteTagAsync(MemberTag tag);

    /// <summary>Gives the tags the order listed (display orders 0, 10, 20…).</summary>
    Task SortTagsAsync(IReadOnlyList<int> tagIds);

    #endregion

    #region Members

    /// <summary>Members of every tag: tag id to count, in one grouped query.</summary>
    Task<Dictionary<int, int>> CountMembersAsync();

    /// <summary>A page of the tag's members by customer id, filtered by email or name when <paramref name="search"/> is given.</summary>
    Task<IPagedList<TagMemberView>> SearchMembersAsync(MemberTag tag, string search, int pageIndex, int pageSize);

    /// <summary>The tags the customer holds.</summary>
    Task<IList<MemberTagView>> GetCustomerTagsAsync(int customerId);

    /// <summary>The registered customers with these ids or emails (emails without regard to case): (id, email) pairs, in one query.</summary>
    Task<IList<(int Id, string Email)>> FindCustomersAsync(IReadOnlyCollection<int> ids, IReadOnlyCollection<string> emails);

    #endregion
}
