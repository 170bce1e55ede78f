using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>One order of the "orders by tag" report, with its customer and the chosen tags (by role) the customer holds.</summary>
public sealed class TagOrderLine
{
    public int OrderId { get; set; }
    public int CustomerId { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public int StoreId { get; set; }
    public int OrderStatusId { get; set; }
    public int PaymentStatusId { get; set; }
    public decimal OrderTotal { get; set; }
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>The chosen tags' roles the customer holds, in ascending role id.</summary>
    public IReadOnlyList<int> RoleIds { get; set; } = [];
}

/// <summary>A page of the report, newest order first, and where the next page starts.</summary>
/// <param name="NextBeforeOrderId">The order id the next page reads below; null on the last page.</param>
public sealed record TagOrderPage(IReadOnlyList<TagOrderLine> Lines, int? NextBeforeOrderId);

/// <summary>
/// Orders placed by customers holding any of the chosen tags. Read in keyset pages by order id, newest first (an index
/// seek per page: no COUNT, no OFFSET), so the grid and the CSV cost the same on the last page as on the first.
/// </summary>
public static class TagOrders
{
    /// <summary>The orders <paramref name="filter"/> covers whose customer holds one of its tags' roles.</summary>
    public static IQueryable<OrderRow> Query(StoreSources sources, TagReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(filter);

        var roleIds = filter.RoleIds;
        var roles = sources.CustomerRoles;
        return filter.Apply(sources.Orders)
            .Where(o => roles.Any(r => r.CustomerId == o.CustomerId && roleIds.Contains(r.CustomerRoleId)));
    }

    /// <summary>Up to <paramref name="pageSize"/> orders below order id <paramref name="beforeOrderId"/> (null: from the newest).</summary>
    public static async Task<TagOrderPage> PageAsync(ILoyaltyData data, TagReportFilter filter, int? beforeOrderId, int pageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (filter.RoleIds.Count == 0)
            return new TagOrderPage([], null);

        var sources = await data.GetSourcesAsync();
        var orders = Query(sources, filter);
        if (beforeOrderId is { } before)
            orders = orders.Where(o => o.Id < before);

        // One row more than the page tells whether another page follows, without counting.
        var lines = await data.ToListAsync((
                from o in orders
                join c in sources.Customers on o.CustomerId equals c.Id into cs
                from c in cs.DefaultIfEmpty()
                orderby o.Id descending
                select new TagOrderLine
                {
                    OrderId = o.Id,
                    CustomerId = o.CustomerId,
                    Email = c.Email,
                    FirstName = c.FirstName,
                    LastName = c.LastName,
                    StoreId = o.StoreId,
                    OrderStatusId = o.OrderStatusId,
                    PaymentStatusId = o.PaymentStatusId,
                    OrderTotal = o.OrderTotal,
                    CreatedOnUtc = o.CreatedOnUtc
                }).Take(pageSize + 1), cancellationToken);

        var more = lines.Count > pageSize;
        if (more)
            lines.RemoveAt(lines.Count - 1);
        await AddTagsAsync(data, sources, filter.RoleIds, lines, cancellationToken);
        return new TagOrderPage(lines, more ? lines[^1].OrderId : null);
    }

    /// <summary>Every order of the report, newest first, page by page as read.</summary>
    public static async IAsyncEnumerable<TagOrderLine> AllAsync(ILoyaltyData data, TagReportFilter filter, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        int? before = null;
        do
        {
            var page = await PageAsync(data, filter, before, pageSize, cancellationToken);
            foreach (var line in page.Lines)
                yield return line;
            before = page.NextBeforeOrderId;
        } while (before != null);
    }

    /// <summary>Fills in which chosen tags each page customer holds: one query for the page.</summary>
    private static async Task AddTagsAsync(ILoyaltyData data, StoreSources sources, IReadOnlyCollection<int> roleIds,
        List<TagOrderLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
            return;

        var customerIds = lines.Select(l => l.CustomerId).Distinct().ToArray();
        var held = await data.ToListAsync(sources.CustomerRoles
            .Where(r => customerIds.Contains(r.CustomerId) && roleIds.Contains(r.CustomerRoleId)), cancellationToken);
        var byCustomer = held.GroupBy(r => r.CustomerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(r => r.CustomerRoleId).Distinct().Order().ToList());
        foreach (var line in lines)
            line.RoleIds = byCustomer.GetValueOrDefault(line.CustomerId) ?? [];
    }
}
