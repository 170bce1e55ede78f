using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Segments.Support;

/// <summary>
/// The meaning of a segment definition written plainly, customer by customer, in memory.
/// Deliberately shares nothing with the compiler: windows are checked by converting each timestamp to the
/// store's local calendar day, not by converting window days to UTC instants.
/// </summary>
public sealed class ReferenceEvaluator(StoreData data, TimeZoneInfo zone, DateTime nowUtc)
{
    private readonly DateOnly _today = LocalDay(nowUtc, zone);

    public SortedSet<int> Evaluate(SegmentDefinition definition)
    {
        var result = new SortedSet<int>();
        foreach (var customer in data.Customers.Where(IsRegistered))
            if (Holds(definition.Root, customer, definition))
                result.Add(customer.Id);
        return result;
    }

    private bool IsRegistered(NopCustomer c) =>
        c.Active && !c.Deleted && !c.IsSystemAccount
        && data.RoleMappings.Any(m => m.CustomerId == c.Id && m.CustomerRoleId == StoreData.RegisteredRoleId);

    private bool Holds(SegmentNode node, NopCustomer c, SegmentDefinition definition)
    {
        bool value;
        if (node is SegmentGroup g)
        {
            value = g.Match == GroupMatch.All
                ? g.Children.All(child => Holds(child, c, definition))
                : g.Children.Any(child => Holds(child, c, definition));
        }
        else
        {
            value = Condition(node, c, definition);
        }
        return node.Not ? !value : value;
    }

    private bool Condition(SegmentNode node, NopCustomer c, SegmentDefinition definition)
    {
        var orders = data.Orders
            .Where(o => o.CustomerId == c.Id && !o.Deleted)
            .Where(o => definition.OrderStatusIds?.Contains(o.OrderStatusId) ?? o.OrderStatusId != 40)
            .Where(o => definition.OrderStoreIds?.Contains(o.StoreId) ?? true)
            .ToList();

        switch (node)
        {
            case AllRegisteredCondition:
                return true;
            case OrderCountCondition x:
                return InRange(orders.Count(o => InWindow(o.CreatedOnUtc, x.Window)), x.Count);
            case OrderAmountCondition { Basis: AmountBasis.Total } x:
                return InRange(orders.Where(o => InWindow(o.CreatedOnUtc, x.Window)).Sum(o => o.OrderTotal), x.Amount);
            case OrderAmountCondition x:
                return orders.Any(o => InWindow(o.CreatedOnUtc, x.Window) && InRange(o.OrderTotal, x.Amount));
            case PurchasedCondition x:
            {
                var bought = Lines(orders, x.Window).ToList();
                bool BoughtId(int id) => bought.Any(i => Matches(i.ProductId, x.Scope, [id], x.IncludeSubcategories));
                return x.Match == ListMatch.Any ? x.Ids.Any(BoughtId) : x.Ids.All(BoughtId);
            }
            case PurchaseAmountCondition x:
                return InRange(Lines(orders, x.Window).Where(i => Matches(i.ProductId, x.Scope, x.Ids, x.IncludeSubcategories)).Sum(i => i.PriceInclTax), x.Amount);
            case LastOrderDateCondition x:
                return orders.Count > 0 && InWindow(orders.Max(o => o.CreatedOnUtc), x.Window);
            case BirthdayCondition x:
                return Birthday(c.DateOfBirth, x);
            case GenderCondition x:
                return c.Gender != null && x.Genders.Contains(c.Gender);
            case CountryCondition x:
                return x.CountryIds.Contains(c.CountryId);
            case StateProvinceCondition x:
                return x.StateProvinceIds.Contains(c.StateProvinceId);
            case RegisteredStoreCondition x:
                return x.StoreIds.Contains(c.RegisteredInStoreId);
            case CustomerRoleCondition x:
                return data.RoleMappings.Any(m => m.CustomerId == c.Id && x.RoleIds.Contains(m.CustomerRoleId));
            case RegistrationDateCondition x:
                return InWindow(c.CreatedOnUtc, x.Window);
            case NewsletterCondition x:
                return c.Email != null && data.Subscriptions.Any(s => s.Active && s.Email == c.Email && (x.StoreId == null || s.StoreId == x.StoreId));
            case PointsBalanceCondition x:
            {
                var latest = data.Ledger
                    .Where(e => e.CustomerId == c.Id && e.PointsBalance != null && e.CreatedOnUtc <= nowUtc && (x.StoreId == null || e.StoreId == x.StoreId))
                    .OrderByDescending(e => e.CreatedOnUtc).ThenByDescending(e => e.Id)
                    .FirstOrDefault();
                return InRange(latest?.PointsBalance ?? 0, x.Balance);
            }
            default:
                throw new NotSupportedException(node.GetType().Name);
        }
    }

    private IEnumerable<NopOrderItem> Lines(List<NopOrder> orders, DateWindow? window)
    {
        var ids = orders.Where(o => InWindow(o.CreatedOnUtc, window)).Select(o => o.Id).ToHashSet();
        return data.OrderItems.Where(i => ids.Contains(i.OrderId));
    }

    private bool Matches(int productId, PurchaseScope scope, IReadOnlyList<int> ids, bool subcategories)
    {
        if (scope == PurchaseScope.Products)
            return ids.Contains(productId);
        var listed = subcategories ? WithSubcategories(ids) : ids.ToHashSet();
        return data.ProductCategories.Any(m => m.ProductId == productId && listed.Contains(m.CategoryId));
    }

    // Walks down from the listed categories through live children, as deep as the tree goes, each category once.
    private HashSet<int> WithSubcategories(IReadOnlyList<int> ids)
    {
        var found = ids.ToHashSet();
        var pending = new Queue<int>(found);
        while (pending.TryDequeue(out var parent))
            foreach (var child in data.Categories.Where(c => c.ParentCategoryId == parent && !c.Deleted))
                if (found.Add(child.Id))
                    pending.Enqueue(child.Id);
        return found;
    }

    private bool Birthday(DateTime? dateOfBirth, BirthdayCondition x)
    {
        if (dateOfBirth is not { } dob)
            return false;
        var (month, day) = (dob.Month, dob.Day);
        if (month == 2 && day == 29 && !DateTime.IsLeapYear(_today.Year))
            day = 28;
        switch (x.Period)
        {
            case BirthdayPeriod.Month:
                return x.Month == month;
            case BirthdayPeriod.CurrentMonth:
                return _today.Month == month;
            default:
                if (x.From is null || x.To is null)
                    return false;
                var key = month * 100 + day;
                var from = x.From.Month * 100 + x.From.Day;
                var to = x.To.Month * 100 + x.To.Day;
                return from <= to ? key >= from && key <= to : key >= from || key <= to;
        }
    }

    private bool InWindow(DateTime utc, DateWindow? window)
    {
        if (window == null)
            return true;
        var day = LocalDay(utc, zone);
        DateOnly? first = window.From, last = window.To;
        switch (window.Relative)
        {
            case RelativePeriod.LastDays:
                first = _today.AddDays(-(window.Days!.Value - 1));
                last = _today;
                break;
            case RelativePeriod.ThisMonth:
                first = new DateOnly(_today.Year, _today.Month, 1);
                last = new DateOnly(_today.Year, _today.Month, DateTime.DaysInMonth(_today.Year, _today.Month));
                break;
            case RelativePeriod.LastMonth:
                var previous = _today.AddMonths(-1);
                first = new DateOnly(previous.Year, previous.Month, 1);
                last = new DateOnly(previous.Year, previous.Month, DateTime.DaysInMonth(previous.Year, previous.Month));
                break;
            case RelativePeriod.ThisYear:
                first = new DateOnly(_today.Year, 1, 1);
                last = new DateOnly(_today.Year, 12, 31);
                break;
        }
        return (first == null || day >= first) && (last == null || day <= last);
    }

    private static bool InRange(int value, IntRange r) => (r.Min == null || value >= r.Min) && (r.Max == null || value <= r.Max);

    private static bool InRange(decimal value, DecimalRange r) => (r.Min == null || value >= r.Min) && (r.Max == null || value <= r.Max);

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
