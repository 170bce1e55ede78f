using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>
/// The member tags and their memberships (each tag's customer role mapping), and the few writes a tag step makes:
/// one bulk insert and one set-based delete per chunk.
/// </summary>
public interface ITagStore
{
    /// <summary>Every member tag, joined to its customer role for the name.</summary>
    IQueryable<TagRow> Tags { get; }

    /// <summary>The store's tables that rules compile over; its <see cref="StoreSources.CustomerRoles"/> are the memberships.</summary>
    Task<StoreSources> GetSourcesAsync();

    /// <summary>Runs a query composed over these tables.</summary>
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a unit of work that every write until it is disposed belongs to; nothing is kept unless it is completed.
    /// Synchronous for the same reason as <see cref="ILoyaltyWriter.Begin"/>.
    /// </summary>
    ILoyaltyUnitOfWork Begin();

    /// <summary>Inserts the customer-to-role mappings in one bulk statement; none of them exists yet.</summary>
    Task AddMembersAsync(IReadOnlyCollection<CustomerRoleRow> memberships);

    /// <summary>Removes these customers from one role in one DELETE.</summary>
    Task RemoveMembersAsync(int customerRoleId, IReadOnlyCollection<int> customerIds);

    /// <summary>Removes one customer from these roles in one DELETE.</summary>
    Task RemoveRolesAsync(int customerId, IReadOnlyCollection<int> customerRoleIds);

    /// <summary>Records when an automatic tag's members were last computed.</summary>
    Task MarkRecomputedAsync(int tagId, DateTime recomputedOnUtc);
}
