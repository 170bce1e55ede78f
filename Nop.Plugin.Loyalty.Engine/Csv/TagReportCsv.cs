using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>The tag reports as CSV: orders by tag streamed page by page as read, and sales by tag.</summary>
public static class TagReportCsv
{
    /// <summary>
    /// Writes <paramref name="header"/>, then every order of the report, newest first: order id, placed on (UTC),
    /// customer id, email, full name, order status, order total, the customer's chosen tags (joined by ", ").
    /// </summary>
    /// <param name="statusName">The caller's name of an order status id.</param>
    /// <param name="tagNames">The caller's tag name per tag role id.</param>
    public static async Task WriteOrdersAsync(ILoyaltyData data, TagReportFilter filter, IReadOnlyList<string> header,
        Func<int, string> statusName, IReadOnlyDictionary<int, string> tagNames, Stream output,
        int pageSize = CsvExport.PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statusName);
        ArgumentNullException.ThrowIfNull(tagNames);

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        await foreach (var line in TagOrders.AllAsync(data, filter, pageSize, cancellationToken))
        {
            await csv.WriteRowAsync(line.OrderId, line.CreatedOnUtc, line.CustomerId, line.Email,
                RecipientsCsv.FullName(line.FirstName, line.LastName), statusName(line.OrderStatusId), line.OrderTotal,
                string.Join(", ", line.RoleIds.Select(id => tagNames.GetValueOrDefault(id, $"#{id}"))));
        }
    }

    /// <summary>Writes <paramref name="header"/>, then one row per tag: name, orders, customers, revenue, average order.</summary>
    public static async Task WriteSalesAsync(IReadOnlyList<TagSalesLine> lines, IReadOnlyList<string> header,
        IReadOnlyDictionary<int, string> tagNames, Stream output)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(tagNames);

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync([.. header]);
        foreach (var line in lines)
            await csv.WriteRowAsync(tagNames.GetValueOrDefault(line.RoleId, $"#{line.RoleId}"), line.Orders, line.Customers,
                line.Revenue, line.AverageOrder);
    }
}
