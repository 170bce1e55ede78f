namespace Nop.Plugin.Loyalty.Events;

// Published through nopCommerce's IEventPublisher once a tag step's chunk is committed; consume them with IConsumer<TEvent>.
// A bulk step (recompute, tagging from conditions, CSV) publishes one event per chunk of up to a few thousand customers.

/// <summary>Customers were given a member tag.</summary>
/// <param name="TagId">The plugin's tag id.</param>
/// <param name="CustomerRoleId">The customer role backing the tag (what discounts, ACL and newsletters see).</param>
/// <param name="CustomerIds">The customers who gained the tag in this chunk.</param>
public sealed record TagAssignedEvent(int TagId, int CustomerRoleId, IReadOnlyList<int> CustomerIds);

/// <summary>Customers lost a member tag.</summary>
/// <param name="TagId">The plugin's tag id.</param>
/// <param name="CustomerRoleId">The customer role backing the tag.</param>
/// <param name="CustomerIds">The customers who lost the tag in this chunk.</param>
public sealed record TagRemovedEvent(int TagId, int CustomerRoleId, IReadOnlyList<int> CustomerIds);
