using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>
/// Every member tag step as the store runs it: recomputing an automatic tag, tagging or untagging everyone a selection
/// matches, assigning and removing customers by hand or by CSV, and evaluating one customer's automatic tags. Set-based
/// in chunks of customer ids over the engine's ports; the plugin, the tests and the benchmark all run this code.
/// </summary>
public sealed class MemberTagPipeline
{
    // The API below is what the plugin calls; bodies and ports are being built (issue #9).

    /// <summary>Makes an automatic tag's members exactly the customers its rule selects now: adds the new, removes who stopped matching.</summary>
    public Task<TagChange> RecomputeAsync(int tagId, IProgress<TagRunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Recomputes every automatic tag (the scheduled batch).</summary>
    public Task<TagChange> RecomputeAllAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Gives (or takes away) the tag to everyone <paramref name="select"/> picks from the store, in chunks.</summary>
    public Task<TagChange> ApplyAsync(int tagId, Func<StoreSources, IQueryable<int>> select, TagAction action,
        IProgress<TagRunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Gives tags to customers (a CSV import, an admin's pick) in one unit of work; pairs already held are skipped.</summary>
    public Task<TagChange> AssignAsync(IReadOnlyCollection<TagAssignment> assignments, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Takes tags away from customers in one unit of work; pairs not held are skipped.</summary>
    public Task<TagChange> UnassignAsync(IReadOnlyCollection<TagAssignment> assignments, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Brings one customer's automatic tags up to date (registration, profile update, order placed).</summary>
    public Task<TagChange> EvaluateCustomerAsync(int customerId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
