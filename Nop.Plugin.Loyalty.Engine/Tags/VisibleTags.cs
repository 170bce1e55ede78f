using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>The tags a customer sees on their points page: those marked visible to customers that they hold.</summary>
public static class VisibleTags
{
    /// <summary>The ids of the visible tags <paramref name="customerId"/> holds, as a subquery the caller composes its display query on.</summary>
    public static IQueryable<int> HeldBy(IQueryable<TagRow> tags, IQueryable<CustomerRoleRow> roles, int customerId)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(roles);
        return tags.Where(t => t.VisibleToCustomers && roles.Any(r => r.CustomerId == customerId && r.CustomerRoleId == t.CustomerRoleId))
            .Select(t => t.Id);
    }
}
