using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
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

    internal override Phrase Describe() => Period switch
    {
        BirthdayPeriod.CurrentMonth => new(PhraseKeys.BirthdayCurrentMonth),
        BirthdayPeriod.Month when Month is >= 1 and <= 12 => new(PhraseKeys.BirthdayMonth, new PhraseMonth(Month.Value)),
        BirthdayPeriod.Days when From is { } f && To is { } t =>
            new(PhraseKeys.BirthdayDays, new PhraseMonthDay(f.Month, f.Day), new PhraseMonthDay(t.Month, t.Day)),
        _ => new(PhraseKeys.BirthdayInvalid)
    };
}
