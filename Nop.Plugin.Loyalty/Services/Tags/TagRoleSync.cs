using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Services.Customers;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>What a change made to a tag's role on nopCommerce's own pages means for the tag.</summary>
public class TagRoleSync
{
    private readonly ICustomerService _customerService;
    private readonly IRepository<MemberTag> _tagRepository;

    public TagRoleSync(ICustomerService customerService, IRepository<MemberTag> tagRepository)
    {
        _customerService = customerService;
        _tagRepository = tagRepository;
    }

    /// <summary>The role was deleted: its tag goes too (none is left when the plugin deleted the tag itself).</summary>
    public virtual async Task RoleDeletedAsync(CustomerRole role)
    {
        if (role is not { Id: > 0 })
            return;
        var roleId = role.Id;
        await _tagRepository.DeleteAsync(t => t.CustomerRoleId == roleId);
    }

    /// <summary>
    /// The role was changed: its name is the tag's name already; a system name moved away from Loyalty.Tag.&lt;id&gt; is
    /// put back, since that name is how the store tells a tag's role apart.
    /// </summary>
    public virtual async Task RoleUpdatedAsync(CustomerRole role)
    {
        if (role is not { Id: > 0 })
            return;
        var roleId = role.Id;
        var tagId = await _tagRepository.Table.Where(t => t.CustomerRoleId == roleId).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        // Only a moved system name needs a write, so the event of that write stops here.
        if (tagId is not { } id || role.SystemName == MemberTagService.RoleSystemName(id))
            return;
        role.SystemName = MemberTagService.RoleSystemName(id);
        await _customerService.UpdateCustomerRoleAsync(role);
    }

    /// <summary>Deletes every tag's role (uninstall, before the tag table goes); their tags go with them.</summary>
    public virtual async Task DeleteAllTagRolesAsync()
    {
        var roleIds = await _tagRepository.Table.Select(t => t.CustomerRoleId).ToListAsync();
        foreach (var roleId in roleIds)
        {
            var role = await _customerService.GetCustomerRoleByIdAsync(roleId);
            if (role is { IsSystemRole: false })
                await _customerService.DeleteCustomerRoleAsync(role);
        }
    }
}
