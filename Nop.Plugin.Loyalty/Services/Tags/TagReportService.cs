using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>A tag as the reports list it: its id, its role, the role's name and the tag's colour.</summary>
public sealed record TagChoice(int TagId, int RoleId, string Name, string Color);

/// <summary>
/// Orders by tag and sales by tag: maps the chosen tags to their roles and the dates to the store's calendar, then runs
/// the engine's report queries (<see cref="TagOrders"/>, <see cref="TagSales"/>, <see cref="TagReportCsv"/>).
/// </summary>
public class TagReportService
{
    private readonly ILoyaltyData _data;
    private readonly IRepository<CustomerRole> _roleRepository;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly LoyaltyDates _dates;
    private readonly TimeProvider _clock;

    public TagReportService(ILoyaltyData data,
        IRepository<CustomerRole> roleRepository,
        IRepository<MemberTag> tagRepository,
        LoyaltyDates dates,
        TimeProvider clock)
    {
        _data = data;
        _roleRepository = roleRepository;
        _tagRepository = tagRepository;
        _dates = dates;
        _clock = clock;
    }

    /// <summary>Every tag, in the admin's order (display order, then name).</summary>
    public virtual async Task<IList<TagChoice>> GetTagsAsync()
    {
        var tags = await _data.ToListAsync(
            from t in _tagRepository.Table
            join r in _roleRepository.Table on t.CustomerRoleId equals r.Id
            orderby t.DisplayOrder, r.Name
            select new TagChoice(t.Id, r.Id, r.Name, t.Color));
        return tags;
    }

    /// <summary>The manual tags: those that can be given from a list of customers (an automatic tag's rule decides alone).</summary>
    public virtual async Task<IList<TagChoice>> GetManualTagsAsync() =>
        await _data.ToListAsync(
            from t in _tagRepository.Table
            join r in _roleRepository.Table on t.CustomerRoleId equals r.Id
            where t.KindId == (int)TagKind.Manual
            orderby t.DisplayOrder, r.Name
            select new TagChoice(t.Id, r.Id, r.Name, t.Color));

    /// <summary>The report filter for tags chosen by id (unknown ids are ignored), whole days of the store's calendar.</summary>
    public virtual async Task<(TagReportFilter Filter, IList<TagChoice> Tags)> FilterAsync(IEnumerable<int> tagIds, DateTime? startDate,
        DateTime? endDate, IEnumerable<int> orderStatusIds, int storeId)
    {
        var wanted = tagIds?.ToHashSet() ?? [];
        var tags = (await GetTagsAsync()).Where(t => wanted.Contains(t.TagId)).ToList();
        var filter = TagReportFilter.ForDays(tags.Select(t => t.RoleId), Day(startDate), Day(endDate),
            SegmentContext.At(_clock, _dates.StoreZone), orderStatusIds, storeId);
        return (filter, tags);
    }

    public virtual Task<TagOrderPage> GetOrdersPageAsync(TagReportFilter filter, int? beforeOrderId, int pageSize) =>
        TagOrders.PageAsync(_data, filter, beforeOrderId, Math.Max(pageSize, 1));

    public virtual Task WriteOrdersCsvAsync(TagReportFilter filter, IReadOnlyList<string> header, Func<int, string> statusName,
        IReadOnlyDictionary<int, string> tagNames, Stream output) =>
        TagReportCsv.WriteOrdersAsync(_data, filter, header, statusName, tagNames, output);

    public virtual Task<IReadOnlyList<TagSalesLine>> GetSalesAsync(TagReportFilter filter) => TagSales.ReportAsync(_data, filter);

    public static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
