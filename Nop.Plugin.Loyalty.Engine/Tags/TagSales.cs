using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>One tag's sales in a report: its orders, the customers who placed them, their total and average.</summary>
public sealed record TagSalesLine(int RoleId, int Orders, int Customers, decimal Revenue)
{
    /// <summary>Revenue per order; 0 without orders.</summary>
    public decimal AverageOrder => Orders == 0 ? 0 : Math.Round(Revenue / Orders, 4);
}

/// <summary>
/// Sales by tag: for every chosen tag at once (one grouped query), the orders its holders placed. A customer holding
/// several tags counts under each, so the lines do not add up to the store's sales.
/// </summary>
public static class TagSales
{
    /// <summary>Orders, distinct customers and revenue per tag role, grouped in the database.</summary>
    public static IQueryable<TagSalesLine> Query(StoreSources sources, TagReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(filter);

        var roleIds = filter.RoleIds;
        // Distinct pairs: a mapping stored twice must not count a customer's orders twice.
        var holders = sources.CustomerRoles
            .Where(r => roleIds.Contains(r.CustomerRoleId))
            .Select(r => new { r.CustomerId, r.CustomerRoleId })
            .Distinct();

        return from o in filter.Apply(sources.Orders)
            join h in holders on o.CustomerId equals h.CustomerId
            group o by h.CustomerRoleId into g
            select new TagSalesLine(g.Key, g.Count(), g.Select(o => o.CustomerId).Distinct().Count(), g.Sum(o => o.OrderTotal));
    }

    /// <summary>One line per chosen tag role, in the order given; a tag without orders gets a line of zeros.</summary>
    public static async Task<IReadOnlyList<TagSalesLine>> ReportAsync(ILoyaltyData data, TagReportFilter filter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (filter.RoleIds.Count == 0)
            return [];

        var sources = await data.GetSourcesAsync();
        var lines = (await data.ToListAsync(Query(sources, filter), cancellationToken)).ToDictionary(l => l.RoleId);
        return filter.RoleIds.Select(id => lines.GetValueOrDefault(id) ?? new TagSalesLine(id, 0, 0, 0)).ToList();
    }
}
