using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Predicates over a customer's counted orders (not deleted, in the chosen statuses) and their lines.</summary>
/// <remarks>
/// Ranges that exclude zero select customers through EXISTS over their orders or a grouped subquery; ranges that
/// include zero select everyone except the customers grouped outside the range, so customers without orders
/// (count 0, amount 0) are in without the database having to invent rows for them.
/// </remarks>
internal sealed class OrderConditions
{
    private readonly StoreSources _sources;
    private readonly SegmentContext _context;
    private readonly IQueryable<OrderRow> _counted;

    public OrderConditions(StoreSources sources, SegmentContext context, IReadOnlyList<int>? statusIds)
    {
        _sources = sources;
        _context = context;
        var live = sources.Orders.Where(o => !o.Deleted);
        if (statusIds is null)
            _counted = live.Where(o => o.OrderStatusId != OrderStatuses.Cancelled);
        else
        {
            var statuses = statusIds.Distinct().ToArray();
            _counted = live.Where(o => statuses.Contains(o.OrderStatusId));
        }
    }

    public Expression<Func<CustomerRow, bool>> Count(OrderCountCondition condition)
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

        var counts = orders.GroupBy(o => o.CustomerId).Select(g => new CustomerCount { CustomerId = g.Key, Count = g.Count() });
        if (min == 0)
        {
            var limit = max!.Value;
            var over = counts.Where(x => x.Count > limit);
            return c => !over.Any(x => x.CustomerId == c.Id);
        }

        var inside = counts.Where(x => x.Count >= min);
        if (max is { } upper)
            inside = inside.Where(x => x.Count <= upper);
        return c => inside.Any(x => x.CustomerId == c.Id);
    }

    public Expression<Func<CustomerRow, bool>> Amount(OrderAmountCondition condition)
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

        var sums = orders.GroupBy(o => o.CustomerId)
            .Select(g => new CustomerAmount { CustomerId = g.Key, Amount = g.Sum(o => o.OrderTotal) });
        return SumInRange(sums, condition.Amount);
    }

    public Expression<Func<CustomerRow, bool>> Purchased(PurchasedCondition condition)
    {
        var lines = Lines(condition.Window);
        var ids = condition.Ids.Distinct().ToArray();
        if (condition.Match == ListMatch.Any)
            return ids.Length == 0 ? Predicates.False : Bought(lines, condition.Scope, ids);

        var result = Predicates.True;
        foreach (var id in ids)
            result = Predicates.And(result, Bought(lines, condition.Scope, [id]));
        return result;
    }

    public Expression<Func<CustomerRow, bool>> PurchaseAmount(PurchaseAmountCondition condition)
    {
        var ids = condition.Ids.Distinct().ToArray();
        var lines = Matching(Lines(condition.Window), condition.Scope, ids);
        var sums = lines.GroupBy(l => l.CustomerId)
            .Select(g => new CustomerAmount { CustomerId = g.Key, Amount = g.Sum(l => l.Amount) });
        return SumInRange(sums, condition.Amount);
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

    private Expression<Func<CustomerRow, bool>> Bought(IQueryable<PurchasedLine> lines, PurchaseScope scope, int[] ids)
    {
        var matching = Matching(lines, scope, ids);
        return c => matching.Any(l => l.CustomerId == c.Id);
    }

    private IQueryable<PurchasedLine> Matching(IQueryable<PurchasedLine> lines, PurchaseScope scope, int[] ids)
    {
        if (scope == PurchaseScope.Products)
            return lines.Where(l => ids.Contains(l.ProductId));
        // EXISTS rather than a join: a product in two listed categories must still count once.
        var mappings = _sources.ProductCategories;
        return lines.Where(l => mappings.Any(m => m.ProductId == l.ProductId && ids.Contains(m.CategoryId)));
    }

    private IQueryable<PurchasedLine> Lines(DateWindow? window) =>
        from i in _sources.OrderItems
        join o in InWindow(_counted, window) on i.OrderId equals o.Id
        select new PurchasedLine { CustomerId = o.CustomerId, ProductId = i.ProductId, Amount = i.PriceInclTax };

    private static Expression<Func<CustomerRow, bool>> SumInRange(IQueryable<CustomerAmount> sums, DecimalRange range)
    {
        if (range.Min > range.Max)
            return Predicates.False;
        if (range.Contains(0m))
        {
            IQueryable<CustomerAmount> outside;
            if (range is { Min: { } lo, Max: { } hi })
                outside = sums.Where(Literal((x, a, b) => x.Amount < a || x.Amount > b, lo, hi));
            else if (range.Min is { } min)
                outside = sums.Where(Literal((x, b) => x.Amount < b, min));
            else if (range.Max is { } max)
                outside = sums.Where(Literal((x, b) => x.Amount > b, max));
            else
                return Predicates.True;
            return c => !outside.Any(x => x.CustomerId == c.Id);
        }

        var inside = sums;
        if (range.Min is { } from)
            inside = inside.Where(Literal((x, b) => x.Amount >= b, from));
        if (range.Max is { } to)
            inside = inside.Where(Literal((x, b) => x.Amount <= b, to));
        return c => inside.Any(x => x.CustomerId == c.Id);
    }

    /// <summary>Puts a bound into the SQL as a literal rather than a parameter.</summary>
    /// <remarks>
    /// SQLite binds decimal parameters as text, and a text value never compares equal to, or below, the number
    /// SUM() returns; a literal compares as a number on every database.
    /// </remarks>
    private static Expression<Func<CustomerAmount, bool>> Literal(Expression<Func<CustomerAmount, decimal, bool>> template, decimal bound) =>
        Expression.Lambda<Func<CustomerAmount, bool>>(
            new Substitution(template.Parameters[1], Expression.Constant(bound)).Visit(template.Body), template.Parameters[0]);

    private static Expression<Func<CustomerAmount, bool>> Literal(Expression<Func<CustomerAmount, decimal, decimal, bool>> template,
        decimal first, decimal second)
    {
        var body = new Substitution(template.Parameters[1], Expression.Constant(first)).Visit(template.Body);
        body = new Substitution(template.Parameters[2], Expression.Constant(second)).Visit(body);
        return Expression.Lambda<Func<CustomerAmount, bool>>(body, template.Parameters[0]);
    }

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

/// <summary>A customer's number of orders, as grouped in SQL.</summary>
internal sealed class CustomerCount
{
    public int CustomerId { get; set; }
    public int Count { get; set; }
}

/// <summary>A customer's summed amount, as grouped in SQL.</summary>
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
