using System.Globalization;
using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>How a birthday condition picks days.</summary>
public enum BirthdayPeriod
{
    /// <summary>Birthdays in <see cref="BirthdayCondition.Month"/>.</summary>
    Month,
    /// <summary>Birthdays in the store's current month.</summary>
    CurrentMonth,
    /// <summary>Birthdays from <see cref="BirthdayCondition.From"/> to <see cref="BirthdayCondition.To"/>, wrapping over New Year when From is later.</summary>
    Days
}

/// <summary>A day of the year without a year.</summary>
public sealed record MonthDay(int Month, int Day)
{
    internal int Key => Month * 100 + Day;

    public override string ToString() => $"{Month:00}-{Day:00}";
}

/// <summary>
/// Customers whose DateOfBirth (a calendar date, no time zone) falls in a month or a day window.
/// In a year that is not a leap year (the store's current year), a 29 February birthday counts as 28 February,
/// so it stays in February for month conditions and is never skipped.
/// </summary>
public sealed record BirthdayCondition(BirthdayPeriod Period, int? Month = null, MonthDay? From = null, MonthDay? To = null) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.Birthday(this, compilation.Context);

    public override IReadOnlyList<CustomerField> CustomerFields() => [CustomerField.DateOfBirth];

    internal override void Validate(SegmentChecks checks, string path)
    {
        switch (Period)
        {
            case BirthdayPeriod.Month:
                if (Month is not (>= 1 and <= 12))
                    checks.Add(new($"{path}.month", ResourceKeys.SegmentBirthdayMonthInvalid));
                break;
            case BirthdayPeriod.Days:
                checks.Day(From, $"{path}.from");
                checks.Day(To, $"{path}.to");
                break;
        }
    }

    internal override string Describe(EnglishPhrases english) => Period switch
    {
        BirthdayPeriod.CurrentMonth => "have a birthday this month",
        BirthdayPeriod.Month when Month is >= 1 and <= 12 =>
            $"have a birthday in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month.Value)}",
        BirthdayPeriod.Days when From is { } f && To is { } t => $"have a birthday between {English(f)} and {English(t)}",
        _ => "have an invalid birthday condition"
    };

    private static string English(MonthDay d) => d.Month is >= 1 and <= 12
        ? $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)} {d.Day}"
        : d.ToString();

    internal override string Describe(JapanesePhrases japanese) => Period switch
    {
        BirthdayPeriod.CurrentMonth => "誕生月が今月",
        BirthdayPeriod.Month when Month is >= 1 and <= 12 => $"誕生月が{Month}月",
        BirthdayPeriod.Days when From is { } f && To is { } t => $"誕生日が{f.Month}月{f.Day}日〜{t.Month}月{t.Day}日",
        _ => "誕生日の条件が不正"
    };
}
