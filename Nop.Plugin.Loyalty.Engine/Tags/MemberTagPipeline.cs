using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>
/// Every member tag step as the store runs it: recomputing an automatic tag, tagging or untagging everyone a selection
/// matches, assigning and removing customers by hand or by CSV, and evaluating one customer's automatic tags. Set-based
/// in chunks of customer ids over the engine's ports; the plugin, the tests and the benchmark all run this code.
/// </summary>
public sealed class MemberTagPipeline
{
    private readonly ITagStore _store;
    private readonly ITagObserver _observer;
    private readonly TimeProvider _clock;
    private readonly TagPipelineOptions _options;

    public MemberTagPipeline(ITagStore store, ITagObserver observer, TimeProvider clock, TagPipelineOptions options)
    {
        _store = store;
        _observer = observer;
        _clock = clock;
        _options = options;
    }

    /// <summary>Makes an automatic tag's members exactly the customers its rule selects now: adds the new, removes who stopped matching.</summary>
    public async Task<TagChange> RecomputeAsync(int tagId, IProgress<TagRunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var tag = await FindTagAsync(tagId, cancellationToken);
        var rule = RuleOf(tag);
        var context = SegmentContext.At(_clock, _options.TimeZone);
        var change = await RunChunksAsync(tag, sources => SegmentCompiler.Compile(rule, sources, context), Difference.Both, progress, cancellationToken);
        await _store.MarkRecomputedAsync(tag.Id, context.NowUtc);
        return change;
    }

    /// <summary>Recomputes every automatic tag (the scheduled batch).</summary>
    /// <remarks>A tag that fails is reported and skipped: one broken rule does not hold the others back.</remarks>
    public Task<TagChange> RecomputeAllAsync(CancellationToken cancellationToken = default) =>
        RecomputeEachAsync(_store.Tags.Where(t => t.Kind == TagKind.Automatic), cancellationToken);

    /// <summary>
    /// Recomputes the automatic tags not computed within <paramref name="interval"/> (never computed ones first): the
    /// scheduled batch, run more often than the interval so that a tag saved without "apply now" waits little.
    /// </summary>
    public Task<TagChange> RecomputeDueAsync(TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var dueBefore = ColumnTime.Of(_clock.GetUtcNow().UtcDateTime - interval);
        return RecomputeEachAsync(_store.Tags.Where(t => t.Kind == TagKind.Automatic
            && (t.LastRecomputedOnUtc == null || t.LastRecomputedOnUtc <= dueBefore)), cancellationToken);
    }

    private async Task<TagChange> RecomputeEachAsync(IQueryable<TagRow> tags, CancellationToken cancellationToken)
    {
        var ids = await _store.ToListAsync(tags.OrderBy(t => t.LastRecomputedOnUtc != null).ThenBy(t => t.Id).Select(t => t.Id), cancellationToken);
        var total = TagChange.None;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                total += await RecomputeAsync(id, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await TellAsync(() => _observer.ErrorAsync($"Loyalty: recomputing member tag {id} failed", e), "reporting a failed tag");
            }
        }
        return total;
    }

    /// <summary>Gives (or takes away) the manual tag to everyone <paramref name="select"/> picks from the store, in chunks.</summary>
    public async Task<TagChange> ApplyAsync(int tagId, Func<StoreSources, IQueryable<int>> select, TagAction action,
        IProgress<TagRunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var tag = await FindTagAsync(tagId, cancellationToken);
        // The next recompute would undo it.
        if (tag.Kind == TagKind.Automatic)
            throw new LoyaltyRuleException(TagKeys.FollowsItsRule, tag.Id);
        return await RunChunksAsync(tag, select, action == TagAction.Add ? Difference.AddOnly : Difference.RemoveOnly, progress, cancellationToken);
    }

    /// <summary>Gives tags to customers (a CSV import, an admin's pick) in one unit of work; pairs already held are skipped.</summary>
    /// <remarks>Customer ids the store does not hold are skipped too: the mapping could not point at them.</remarks>
    public async Task<TagChange> AssignAsync(IReadOnlyCollection<TagAssignment> assignments, CancellationToken cancellationToken = default)
    {
        var byTag = await GroupByTagAsync(assignments, cancellationToken);
        var sources = await _store.GetSourcesAsync();
        var added = new List<(TagRow Tag, List<int> CustomerIds)>();
        using (var unit = _store.Begin())
        {
            foreach (var (tag, customerIds) in byTag)
            {
                var roleId = tag.CustomerRoleId;
                var roles = sources.CustomerRoles;
                var ids = new List<int>();
                foreach (var chunk in customerIds.Chunk(_options.Chunk))
                    ids.AddRange(await _store.ToListAsync(sources.Customers
                        .Where(c => chunk.Contains(c.Id) && !roles.Any(r => r.CustomerId == c.Id && r.CustomerRoleId == roleId))
                        .Select(c => c.Id), cancellationToken));
                ids.Sort();
                added.Add((tag, ids));
            }
            var rows = added.SelectMany(a => a.CustomerIds.Select(id => new CustomerRoleRow { CustomerId = id, CustomerRoleId = a.Tag.CustomerRoleId })).ToList();
            if (rows.Count > 0)
                await _store.AddMembersAsync(rows);
            unit.Complete();
        }

        foreach (var (tag, ids) in added.Where(a => a.CustomerIds.Count > 0))
            await TellAsync(() => _observer.TagAssignedAsync(tag, ids), "TagAssigned");
        return new TagChange(added.Sum(a => a.CustomerIds.Count), 0);
    }

    /// <summary>Takes tags away from customers in one unit of work; pairs not held are skipped.</summary>
    public async Task<TagChange> UnassignAsync(IReadOnlyCollection<TagAssignment> assignments, CancellationToken cancellationToken = default)
    {
        var byTag = await GroupByTagAsync(assignments, cancellationToken);
        var sources = await _store.GetSourcesAsync();
        var removed = new List<(TagRow Tag, List<int> CustomerIds)>();
        using (var unit = _store.Begin())
        {
            foreach (var (tag, customerIds) in byTag)
            {
                var roleId = tag.CustomerRoleId;
                var ids = new List<int>();
                foreach (var chunk in customerIds.Chunk(_options.Chunk))
                {
                    var held = await _store.ToListAsync(sources.CustomerRoles
                        .Where(r => r.CustomerRoleId == roleId && chunk.Contains(r.CustomerId))
                        .Select(r => r.CustomerId), cancellationToken);
                    if (held.Count == 0)
                        continue;
                    await _store.RemoveMembersAsync(roleId, held);
                    ids.AddRange(held);
                }
                ids.Sort();
                removed.Add((tag, ids));
            }
            unit.Complete();
        }

        foreach (var (tag, ids) in removed.Where(r => r.CustomerIds.Count > 0))
            await TellAsync(() => _observer.TagRemovedAsync(tag, ids), "TagRemoved");
        return new TagChange(0, removed.Sum(r => r.CustomerIds.Count));
    }

    /// <summary>Brings one customer's automatic tags up to date (registration, profile update, order placed).</summary>
    /// <remarks>
    /// One query decides every automatic tag (the rules' selections limited to the customer, joined by UNION ALL), one
    /// reads the customer's current automatic tags, then one insert and one delete at most.
    /// </remarks>
    public async Task<TagChange> EvaluateCustomerAsync(int customerId, CancellationToken cancellationToken = default)
    {
        var tags = await _store.ToListAsync(_store.Tags.Where(t => t.Kind == TagKind.Automatic), cancellationToken);
        if (tags.Count == 0)
            return TagChange.None;

        var sources = await _store.GetSourcesAsync();
        var context = SegmentContext.At(_clock, _options.TimeZone);
        IQueryable<int>? matching = null;
        var readable = new List<TagRow>();
        foreach (var tag in tags)
        {
            if (!TryRuleOf(tag, out var rule))
            {
                await TellAsync(() => _observer.ErrorAsync($"Loyalty: the rule of member tag {tag.Id} cannot be read", new LoyaltyRuleException(TagKeys.RuleUnreadable, tag.Id)),
                    "reporting an unreadable rule");
                continue; // its members stay as they are rather than all being removed
            }
            readable.Add(tag);
            var roleId = tag.CustomerRoleId;
            var one = SegmentCompiler.Customers(rule!, sources, context).Where(c => c.Id == customerId).Select(c => roleId);
            matching = matching is null ? one : matching.Concat(one);
        }
        if (matching is null)
            return TagChange.None;

        var roleIds = readable.Select(t => t.CustomerRoleId).ToArray();
        var matched = (await _store.ToListAsync(matching, cancellationToken)).ToHashSet();
        var held = (await _store.ToListAsync(sources.CustomerRoles
            .Where(r => r.CustomerId == customerId && roleIds.Contains(r.CustomerRoleId))
            .Select(r => r.CustomerRoleId), cancellationToken)).ToHashSet();

        var gained = readable.Where(t => matched.Contains(t.CustomerRoleId) && !held.Contains(t.CustomerRoleId)).ToList();
        var lost = readable.Where(t => held.Contains(t.CustomerRoleId) && !matched.Contains(t.CustomerRoleId)).ToList();
        if (gained.Count == 0 && lost.Count == 0)
            return TagChange.None;

        using (var unit = _store.Begin())
        {
            if (gained.Count > 0)
                await _store.AddMembersAsync(gained.Select(t => new CustomerRoleRow { CustomerId = customerId, CustomerRoleId = t.CustomerRoleId }).ToList());
            if (lost.Count > 0)
                await _store.RemoveRolesAsync(customerId, lost.Select(t => t.CustomerRoleId).ToList());
            unit.Complete();
        }

        IReadOnlyList<int> ids = [customerId];
        foreach (var tag in gained)
            await TellAsync(() => _observer.TagAssignedAsync(tag, ids), "TagAssigned");
        foreach (var tag in lost)
            await TellAsync(() => _observer.TagRemovedAsync(tag, ids), "TagRemoved");
        return new TagChange(gained.Count, lost.Count);
    }

    #region Chunks

    private enum Difference
    {
        /// <summary>Members become exactly the selection: add the selected who lack the tag, remove the members not selected.</summary>
        Both,
        /// <summary>Add the selected who lack the tag.</summary>
        AddOnly,
        /// <summary>Remove the selected who hold the tag.</summary>
        RemoveOnly
    }

    /// <summary>
    /// Reads the selection once, then walks the customer ids in chunks (keyset over the customer table): per chunk one
    /// read of the tag's members, the set difference with the chunk's part of the selection in memory, then one insert
    /// and one delete in a unit of work.
    /// </summary>
    /// <remarks>
    /// The selection is one query for the whole store rather than one per chunk: a rule's order conditions compile to a
    /// join with the customers' aggregated orders, which the database computes whole whatever range of customers it is
    /// filtered by afterwards (a one-customer filter is pushed into it, a range is not), so forty chunks cost forty times
    /// the rule. Its ids (a few bytes per selected customer) are held while the chunks run.
    /// </remarks>
    private async Task<TagChange> RunChunksAsync(TagRow tag, Func<StoreSources, IQueryable<int>> select, Difference difference,
        IProgress<TagRunProgress>? progress, CancellationToken cancellationToken)
    {
        var sources = await _store.GetSourcesAsync();
        var selected = (await _store.ToListAsync(select(sources), cancellationToken)).Distinct().Order().ToArray();
        var customers = sources.Customers;
        var roles = sources.CustomerRoles;
        var roleId = tag.CustomerRoleId;
        var chunk = _options.Chunk;

        // Members above the last customer id cannot exist: the mapping's customer is a customer.
        var max = (await _store.ToListAsync(customers.OrderByDescending(c => c.Id).Select(c => c.Id).Take(1), cancellationToken)).FirstOrDefault();
        var total = TagChange.None;
        var after = 0;
        while (after < max)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = after;
            var through = (await _store.ToListAsync(customers.Where(c => c.Id > from).OrderBy(c => c.Id).Select(c => c.Id).Skip(chunk - 1).Take(1),
                cancellationToken)).FirstOrDefault();
            if (through == 0 || through > max)
                through = max;

            var (added, removed) = await RunChunkAsync(roleId, Between(selected, from, through), roles, from, through, difference, cancellationToken);
            if (added.Count > 0)
                await TellAsync(() => _observer.TagAssignedAsync(tag, added), "TagAssigned");
            if (removed.Count > 0)
                await TellAsync(() => _observer.TagRemovedAsync(tag, removed), "TagRemoved");

            total += new TagChange(added.Count, removed.Count);
            after = through;
            progress?.Report(new TagRunProgress(through, max, total));
        }
        return total;
    }

    /// <summary>The ids of the sorted <paramref name="ids"/> in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    private static HashSet<int> Between(int[] ids, int after, int through)
    {
        var start = Array.BinarySearch(ids, after);
        start = start < 0 ? ~start : start + 1;
        var end = Array.BinarySearch(ids, through);
        end = end < 0 ? ~end : end + 1;
        return new HashSet<int>(ids[start..end]);
    }

    private async Task<(List<int> Added, List<int> Removed)> RunChunkAsync(int roleId, HashSet<int> selected, IQueryable<CustomerRoleRow> roles,
        int after, int through, Difference difference, CancellationToken cancellationToken)
    {
        // A customer tagged by a single-customer evaluation between our read and our write fails the insert on the
        // mapping's key; the chunk is undone and read again.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var members = (await _store.ToListAsync(roles
                    .Where(r => r.CustomerRoleId == roleId && r.CustomerId > after && r.CustomerId <= through)
                    .Select(r => r.CustomerId), cancellationToken)).ToHashSet();

                var toAdd = difference == Difference.RemoveOnly ? [] : selected.Where(id => !members.Contains(id)).Order().ToList();
                var toRemove = difference switch
                {
                    Difference.Both => members.Where(id => !selected.Contains(id)).Order().ToList(),
                    Difference.RemoveOnly => members.Where(selected.Contains).Order().ToList(),
                    _ => []
                };
                if (toAdd.Count == 0 && toRemove.Count == 0)
                    return ([], []);

                using (var unit = _store.Begin())
                {
                    if (toAdd.Count > 0)
                        await _store.AddMembersAsync(toAdd.Select(id => new CustomerRoleRow { CustomerId = id, CustomerRoleId = roleId }).ToList());
                    if (toRemove.Count > 0)
                        await _store.RemoveMembersAsync(roleId, toRemove);
                    unit.Complete();
                }
                return (toAdd, toRemove);
            }
            catch (Exception) when (attempt < attempts && !cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    #endregion

    #region Helpers

    private async Task<TagRow> FindTagAsync(int tagId, CancellationToken cancellationToken) =>
        (await _store.ToListAsync(_store.Tags.Where(t => t.Id == tagId), cancellationToken)).FirstOrDefault()
        ?? throw new LoyaltyRuleException(TagKeys.UnknownTag, tagId);

    private static SegmentDefinition RuleOf(TagRow tag)
    {
        if (tag.Kind != TagKind.Automatic)
            throw new LoyaltyRuleException(TagKeys.NotAutomatic, tag.Id);
        return TryRuleOf(tag, out var rule) ? rule! : throw new LoyaltyRuleException(TagKeys.RuleUnreadable, tag.Id);
    }

    private static bool TryRuleOf(TagRow tag, out SegmentDefinition? rule)
    {
        rule = null;
        return !string.IsNullOrWhiteSpace(tag.RuleJson) && SegmentJson.TryParse(tag.RuleJson, out rule, out _) && rule is not null;
    }

    private async Task<List<(TagRow Tag, int[] CustomerIds)>> GroupByTagAsync(IReadOnlyCollection<TagAssignment> assignments, CancellationToken cancellationToken)
    {
        var tagIds = assignments.Select(a => a.TagId).Distinct().ToArray();
        if (tagIds.Length == 0)
            return [];
        var tags = (await _store.ToListAsync(_store.Tags.Where(t => tagIds.Contains(t.Id)), cancellationToken)).ToDictionary(t => t.Id);
        foreach (var id in tagIds.Where(id => !tags.ContainsKey(id)))
            throw new LoyaltyRuleException(TagKeys.UnknownTag, id);
        return assignments.GroupBy(a => a.TagId)
            .OrderBy(g => g.Key)
            .Select(g => (tags[g.Key], g.Select(a => a.CustomerId).Distinct().Order().ToArray()))
            .ToList();
    }

    /// <summary>Tells the store what a committed chunk did; a failure is reported, never allowed to undo or repeat the chunk.</summary>
    private async Task TellAsync(Func<Task> tell, string what)
    {
        try
        {
            await tell();
        }
        catch (Exception e)
        {
            try
            {
                await _observer.ErrorAsync($"Loyalty: {what} failed", e);
            }
            catch
            {
                // Reporting failed too; the committed chunk still stands.
            }
        }
    }

    #endregion
}
