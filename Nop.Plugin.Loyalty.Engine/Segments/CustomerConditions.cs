using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Predicates on the customer row itself and its role mappings and newsletter subscriptions, for the customer conditions.</summary>
internal static class CustomerConditions
{
    public static Expression<Func<CustomerRow, bool>> In(IReadOnlyList<int> list,
        Func<int[], Expression<Func<CustomerRow, bool>>> build)
    {
        var ids = list.Distinct().ToArray();
        return ids.Length == 0 ? Predicates.False : build(ids);
    }

    public static Expression<Func<CustomerRow, bool>> Gender(IReadOnlyList<string> list)
    {
        var genders = list.Distinct().ToArray();
        return genders.Length == 0 ? Predicates.False : c => c.Gender != null && genders.Contains(c.Gender);
    }

    public static Expression<Func<CustomerRow, bool>> Roles(IReadOnlyList<int> list, IQueryable<CustomerRoleRow> roles) =>
        In(list, ids => c => roles.Any(r => r.CustomerId == c.Id && ids.Contains(r.CustomerRoleId)));

    public static Expression<Func<CustomerRow, bool>> Registered(UtcInterval window)
    {
        var result = Predicates.True;
        if (window.FromUtc is { } from)
            result = Predicates.And(result, c => c.CreatedOnUtc >= from);
        if (window.ToUtc is { } to)
            result = Predicates.And(result, c => c.CreatedOnUtc < to);
        return result;
    }

    public static Expression<Func<CustomerRow, bool>> Newsletter(int? storeId, IQueryable<NewsletterSubscriptionRow> subscriptions)
    {
        if (storeId is { } store)
            return c => c.Email != null && subscriptions.Any(s => s.Active && s.Email == c.Email && s.StoreId == store);
        return c => c.Email != null && subscriptions.Any(s => s.Active && s.Email == c.Email);
    }

    public static Expression<Func<CustomerRow, bool>> Birthday(BirthdayCondition condition, SegmentContext context)
    {
        switch (condition.Period)
        {
            case BirthdayPeriod.Month when condition.Month is >= 1 and <= 12:
                return BirthMonth(condition.Month.Value);
            case BirthdayPeriod.CurrentMonth:
                return BirthMonth(context.Today.Month);
            case BirthdayPeriod.Days when condition.From is { } from && condition.To is { } to:
                return BirthDays(from.Key, to.Key, DateTime.IsLeapYear(context.Today.Year));
            default:
                return Predicates.False;
        }
    }

    private static Expression<Func<CustomerRow, bool>> BirthMonth(int month) =>
        c => c.DateOfBirth != null && c.DateOfBirth.Value.Month == month;

    private const int LeapDayKey = 229;
    private const int LeapDayStandInKey = 228;

    private static Expression<Func<CustomerRow, bool>> BirthDays(int fromKey, int toKey, bool leapYear)
    {
        var window = fromKey <= toKey
            ? c => c.DateOfBirth != null
                   && c.DateOfBirth.Value.Month * 100 + c.DateOfBirth.Value.Day >= fromKey
                   && c.DateOfBirth.Value.Month * 100 + c.DateOfBirth.Value.Day <= toKey
            : (Expression<Func<CustomerRow, bool>>)(c => c.DateOfBirth != null
                   && (c.DateOfBirth.Value.Month * 100 + c.DateOfBirth.Value.Day >= fromKey
                       || c.DateOfBirth.Value.Month * 100 + c.DateOfBirth.Value.Day <= toKey));

        bool Covers(int key) => fromKey <= toKey ? key >= fromKey && key <= toKey : key >= fromKey || key <= toKey;

        // Outside leap years 29 February is celebrated on 28 February: add or remove the leap day accordingly.
        if (leapYear || Covers(LeapDayKey) == Covers(LeapDayStandInKey))
            return window;
        Expression<Func<CustomerRow, bool>> leapDay = c => c.DateOfBirth != null
                                                         && c.DateOfBirth.Value.Month == 2 && c.DateOfBirth.Value.Day == 29;
        return Covers(LeapDayStandInKey) ? Predicates.Or(window, leapDay) : Predicates.And(window, Predicates.Not(leapDay));
    }
}
