using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>
/// The orders a tag report covers: placed by customers holding any of the tags (by the tags' customer roles), in a
/// period, with the given statuses, in a store. Deleted orders never count.
/// </summary>
/// <param name="RoleIds">The chosen tags' customer roles.</param>
/// <param name="Period">When the orders were placed; an open bound is unbounded.</param>
/// <param name="OrderStatusIds">The statuses that count; empty for every status.</param>
/// <param name="StoreId">The store the orders were placed in; 0 for every store.</param>
public sealed record TagReportFilter(IReadOnlyCollection<int> RoleIds, UtcInterval Period, IReadOnlyCollection<int> OrderStatusIds, int StoreId)
{
    /// <summary>Field names the errors of <see cref="Check"/> refer to.</summary>
    public const string TagsField = "Tags", PeriodField = "Period";

    /// <summary>
    /// A filter over whole days of the store's calendar: from local midnight starting <paramref name="from"/> to local
    /// midnight ending <paramref name="to"/> (both inclusive, either open), as UTC instants.
    /// </summary>
    public static TagReportFilter ForDays(IEnumerable<int> roleIds, DateOnly? from, DateOnly? to, SegmentContext context,
        IEnumerable<int>? orderStatusIds = null, int storeId = 0)
    {
        ArgumentNullException.ThrowIfNull(roleIds);
        ArgumentNullException.ThrowIfNull(context);
        return new TagReportFilter(roleIds.Distinct().ToArray(), new DateWindow(from, to).Resolve(context),
            (orderStatusIds ?? []).Distinct().ToArray(), Math.Max(storeId, 0));
    }

    /// <summary>What is wrong with a report request: no tag chosen, or a period that ends before it starts.</summary>
    public static IReadOnlyList<ValidationError> Check(IReadOnlyCollection<int> tagIds, DateOnly? from, DateOnly? to)
    {
        var errors = new List<ValidationError>();
        if (tagIds.Count == 0)
            errors.Add(new ValidationError(TagsField, TagReportMessages.NoTag));
        if (from > to)
            errors.Add(new ValidationError(PeriodField, TagReportMessages.PeriodReversed));
        return errors;
    }

    /// <summary>The orders this filter covers, from every order row of the store.</summary>
    public IQueryable<Store.OrderRow> Apply(IQueryable<Store.OrderRow> orders)
    {
        var (fromUtc, toUtc) = (Period.FromUtc, Period.ToUtc);
        var statuses = OrderStatusIds;
        var storeId = StoreId;

        var query = orders.Where(o => !o.Deleted);
        if (fromUtc is { } f)
            query = query.Where(o => o.CreatedOnUtc >= f);
        if (toUtc is { } t)
            query = query.Where(o => o.CreatedOnUtc < t);
        if (statuses.Count > 0)
            query = query.Where(o => statuses.Contains(o.OrderStatusId));
        if (storeId > 0)
            query = query.Where(o => o.StoreId == storeId);
        return query;
    }
}
