using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Predicates over a customer's counted orders (not deleted, in the chosen statuses and stores) and their lines.</summary>
/// <remarks>
/// Counts and sums take one of two shapes.
/// Where the condition is a top-level conjunct (reached from the root through All groups only, never negated)
/// and its range excludes zero, it becomes <c>Id IN (grouped subquery)</c>: PostgreSQL turns that into a hash
/// semi-join and MariaDB materializes it once. That is also what one writes by hand; a correlated COUNT per customer
/// ("bought exactly once": one subplan for each of 196,000 customers) took 1.8–2.0× that query on a real store
/// whose customers run from never-ordered to hundreds of orders (BENCHMARKS.md).
/// Anywhere else (under Any or Not, or when customers without orders must be in) it becomes a correlated COUNT or
/// SUM per customer over the Order.CustomerId index, because an IN under OR or NOT is a per-row subplan on
/// PostgreSQL and a grouped derived table under EXISTS is re-read per customer on MariaDB.
/// </remarks>
internal sealed class OrderConditions
{
    private readonly StoreSources _sources;
    private readonly SegmentContext _context;
    private readonly int[]? _statuses;
    private readonly int[]? _stores;
    private readonly IQueryable<OrderRow> _counted;

    public OrderConditions(StoreSources sources, SegmentContext context, IReadOnlyList<int>? statusIds, IReadOnlyList<int>? storeIds)
    {
        _sources = sources;
        _context = context;
        _statuses = statusIds?.Distinct().ToArray();
        _stores = storeIds?.Distinct().ToArray();
        var live = sources.Orders.Where(o => !o.Deleted);
        var statuses = _statuses;
        var counted = statuses is null
            ? live.Where(o => o.OrderStatusId != OrderStatuses.Cancelled)
            : live.Where(o => statuses.Contains(o.OrderStatusId));
        var stores = _stores;
        _counted = stores is null ? counted : counted.Where(o => stores.Contains(o.StoreId));
    }

    public Expression<Func<CustomerRow, bool>> Count(OrderCountCondition condition, bool conjunct)
    {
        var orders = InWindow(_counted, condition.Window);
        var min = Math.Max(condition.Count.Min ?? 0, 0);
        var max = condition.Count.Max;
        if (max < min)
            return Predicates.False;
        if (min == 0 && max is null)
            return Predicates.True;
        if (min == 1 && max is null)
            return c => orders.Any(o => o.CustomerId == c.Id);
        if (max == 0)
            return c => !orders.Any(o => o.CustomerId == c.Id);
        if (conjunct && min > 0)
            return Grouped(orders, min, max);
        if (max is null)
            return c => orders.Count(o => o.CustomerId == c.Id) >= min;
        if (min == 0)
            return c => orders.Count(o => o.CustomerId == c.Id) <= max;
        if (min == max)
            return c => orders.Count(o => o.CustomerId == c.Id) == min;

        // n lies in [min, max] exactly when |2n - (min + max)| <= max - min. One comparison keeps the count a single
        // correlated subquery: PostgreSQL runs "n >= min AND n <= max" as two subplans, doubling the index reads.
        // In long: bounds near int.MaxValue must not overflow.
        var (sum, width) = ((long)min + max.Value, (long)max.Value - min);
        return c => Math.Abs(2L * orders.Count(o => o.CustomerId == c.Id) - sum) <= width;
    }

    // Customers without orders are out (min > 0), so the count can be grouped once over the counted orders.
    private static Expression<Func<CustomerRow, bool>> Grouped(IQueryable<OrderRow> orders, int min, int? max)
    {
        var groups = orders.GroupBy(o => o.CustomerId);
        var inside = max is { } upper
            ? groups.Where(g => g.Count() >= min && g.Count() <= upper)
            : groups.Where(g => g.Count() >= min);
        var ids = inside.Select(g => g.Key);
        return c => ids.Contains(c.Id);
    }

    public Expression<Func<CustomerRow, bool>> Amount(OrderAmountCondition condition, bool conjunct)
    {
        var orders = InWindow(_counted, condition.Window);
        if (condition.Basis == AmountBasis.AnySingleOrder)
        {
            if (condition.Amount.Min is { } min)
                orders = orders.Where(o => o.OrderTotal >= min);
            if (condition.Amount.Max is { } max)
                orders = orders.Where(o => o.OrderTotal <= max);
            return c => orders.Any(o => o.CustomerId == c.Id);
        }

        return TotalInRange(orders.Select(o => new CustomerAmount { CustomerId = o.CustomerId, Amount = o.OrderTotal }), condition.Amount, conjunct);
    }

    public Expression<Func<CustomerRow, bool>> Purchased(PurchasedCondition condition)
    {
        var lines = Lines(condition.Window);
        var ids = condition.Ids.Distinct().ToArray();
        if (condition.Match == ListMatch.Any)
            return ids.Length == 0 ? Predicates.False : Bought(lines, condition.Scope, ids, condition.IncludeSubcategories);

        var result = Predicates.True;
        foreach (var id in ids)
            result = Predicates.And(result, Bought(lines, condition.Scope, [id], condition.IncludeSubcategories));
        return result;
    }

    public Expression<Func<CustomerRow, bool>> PurchaseAmount(PurchaseAmountCondition condition, bool conjunct)
    {
        var ids = condition.Ids.Distinct().ToArray();
        var lines = Matching(Lines(condition.Window), condition.Scope, ids, condition.IncludeSubcategories);
        return TotalInRange(lines.Select(l => new CustomerAmount { CustomerId = l.CustomerId, Amount = l.Amount }), condition.Amount, conjunct);
    }

    public Expression<Func<CustomerRow, bool>> LastOrderDate(LastOrderDateCondition condition)
    {
        var window = condition.Window.Resolve(_context);
        var inWindow = InWindow(_counted, window);
        var counted = _counted;
        if (window.ToUtc is { } to)
            return c => inWindow.Any(o => o.CustomerId == c.Id) && !counted.Any(o => o.CustomerId == c.Id && o.CreatedOnUtc >= to);
        return c => inWindow.Any(o => o.CustomerId == c.Id);
    }

    private Expression<Func<CustomerRow, bool>> Bought(IQueryable<PurchasedLine> lines, PurchaseScope scope, int[] ids, bool subcategories)
    {
        var matching = Matching(lines, scope, ids, subcategories);
        return c => matching.Any(l => l.CustomerId == c.Id);
    }

    private IQueryable<PurchasedLine> Matching(IQueryable<PurchasedLine> lines, PurchaseScope scope, int[] ids, bool subcategories)
    {
        if (scope == PurchaseScope.Products)
            return lines.Where(l => ids.Contains(l.ProductId));
        // EXISTS rather than a join: a product in two listed categories must still count once.
        var mappings = _sources.ProductCategories;
        if (!subcategories)
            return lines.Where(l => mappings.Any(m => m.ProductId == l.ProductId && ids.Contains(m.CategoryId)));
        var covered = mappings.Where(CategoryTree.Covers(_sources.Categories, ids));
        return lines.Where(l => covered.Any(m => m.ProductId == l.ProductId));
    }

    private IQueryable<PurchasedLine> Lines(DateWindow? window) =>
        _sources.PurchaseLines is { } purchases
            ? from l in CountedPurchases(purchases, window)
              select new PurchasedLine { CustomerId = l.CustomerId, ProductId = l.ProductId, Amount = l.PriceInclTax }
            : from i in _sources.OrderItems
              join o in InWindow(_counted, window) on i.OrderId equals o.Id
              select new PurchasedLine { CustomerId = o.CustomerId, ProductId = i.ProductId, Amount = i.PriceInclTax };

    // The purchase table's copy of the order filters: same statuses, stores, deleted rule and window.
    private IQueryable<PurchaseLineRow> CountedPurchases(IQueryable<PurchaseLineRow> purchases, DateWindow? window)
    {
        var statuses = _statuses;
        var lines = statuses is null
            ? purchases.Where(l => !l.Deleted && l.OrderStatusId != OrderStatuses.Cancelled)
            : purchases.Where(l => !l.Deleted && statuses.Contains(l.OrderStatusId));
        var stores = _stores;
        if (stores is not null)
            lines = lines.Where(l => stores.Contains(l.StoreId));
        if (window is null || window.IsAllTime)
            return lines;
        var interval = window.Resolve(_context);
        if (interval.FromUtc is { } from)
            lines = lines.Where(l => l.CreatedOnUtc >= from);
        if (interval.ToUtc is { } to)
            lines = lines.Where(l => l.CreatedOnUtc < to);
        return lines;
    }

    /// <summary>Customers whose summed amount lies in the range; customers without rows have zero.</summary>
    private static Expression<Func<CustomerRow, bool>> TotalInRange(IQueryable<CustomerAmount> rows, DecimalRange range, bool conjunct)
    {
        if (range.Min > range.Max)
            return Predicates.False;
        if (range.Min is null && range.Max is null)
            return Predicates.True;

        if (conjunct && !range.Contains(0m))
        {
            var inside = rows.GroupBy(r => r.CustomerId).Select(g => new CustomerAmount { CustomerId = g.Key, Amount = g.Sum(r => r.Amount) });
            if (range.Min is { } from)
                inside = inside.Where(Literal<CustomerAmount>((x, b) => x.Amount >= b, from));
            if (range.Max is { } to)
                inside = inside.Where(Literal<CustomerAmount>((x, b) => x.Amount <= b, to));
            var ids = inside.Select(x => x.CustomerId);
            return c => ids.Contains(c.Id);
        }

        var result = Predicates.True;
        if (range.Min is { } min)
            result = Predicates.And(result, Literal<CustomerRow>(
                (c, b) => (rows.Where(r => r.CustomerId == c.Id).Sum(r => (decimal?)r.Amount) ?? 0m) >= b, min));
        if (range.Max is { } max)
            result = Predicates.And(result, Literal<CustomerRow>(
                (c, b) => (rows.Where(r => r.CustomerId == c.Id).Sum(r => (decimal?)r.Amount) ?? 0m) <= b, max));
        return result;
    }

    /// <summary>Puts a bound into the SQL as a literal rather than a parameter.</summary>
    /// <remarks>
    /// SQLite binds decimal parameters as text, and a text value never compares equal to, or below, the number
    /// SUM() returns; a literal compares as a number on every database.
    /// </remarks>
    private static Expression<Func<T, bool>> Literal<T>(Expression<Func<T, decimal, bool>> template, decimal bound) =>
        Expression.Lambda<Func<T, bool>>(
            new Substitution(template.Parameters[1], Expression.Constant(bound)).Visit(template.Body), template.Parameters[0]);

    private sealed class Substitution(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }

    private IQueryable<OrderRow> InWindow(IQueryable<OrderRow> orders, DateWindow? window) =>
        window is null || window.IsAllTime ? orders : InWindow(orders, window.Resolve(_context));

    private static IQueryable<OrderRow> InWindow(IQueryable<OrderRow> orders, UtcInterval window)
    {
        if (window.FromUtc is { } from)
            orders = orders.Where(o => o.CreatedOnUtc >= from);
        if (window.ToUtc is { } to)
            orders = orders.Where(o => o.CreatedOnUtc < to);
        return orders;
    }
}

/// <summary>An amount belonging to a customer: one order or line, or their sum.</summary>
internal sealed class CustomerAmount
{
    public int CustomerId { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>An order line with the customer who bought it.</summary>
internal sealed class PurchasedLine
{
    public int CustomerId { get; set; }
    public int ProductId { get; set; }
    public decimal Amount { get; set; }
}
