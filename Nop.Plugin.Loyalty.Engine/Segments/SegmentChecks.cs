using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The rules conditions share (ranges, windows, id lists), collecting broken ones for the validator.</summary>
internal sealed class SegmentChecks(List<ValidationError> errors, ISegmentCatalog catalog)
{
    public void Add(ValidationError error) => errors.Add(error);

    /// <summary>The entity a purchase condition's ids name.</summary>
    public static SegmentEntity ScopeEntity(PurchaseScope scope) =>
        scope == PurchaseScope.Products ? SegmentEntity.Product : SegmentEntity.Category;

    public void Count(IntRange range, string field) => Range(range.Min, range.Max, field);

    public void Amount(DecimalRange range, string field) => Range(range.Min, range.Max, field);

    private void Range<T>(T? min, T? max, string field) where T : struct, System.Numerics.INumber<T>
    {
        if (min is null && max is null)
            errors.Add(new(field, ResourceKeys.SegmentRangeRequired));
        else if (min < T.Zero || max < T.Zero)
            errors.Add(new(field, ResourceKeys.SegmentRangeNegative));
        else if (min > max)
            errors.Add(new(field, ResourceKeys.SegmentRangeInverted, min!, max!));
    }

    public void Window(DateWindow? window, string field, bool required)
    {
        if (window is null || window.IsAllTime)
        {
            if (required)
                errors.Add(new(field, ResourceKeys.SegmentWindowRequired));
            if (window?.Days is not null)
                errors.Add(new(field, ResourceKeys.SegmentWindowConflict));
            return;
        }

        if (window.Relative is { } relative)
        {
            if (window.From is not null || window.To is not null)
                errors.Add(new(field, ResourceKeys.SegmentWindowConflict));
            if (relative == RelativePeriod.LastDays)
            {
                if (window.Days is not (>= 1 and <= SegmentValidator.MaxWindowDays))
                    errors.Add(new(field, ResourceKeys.SegmentWindowDaysOutOfRange, 1, SegmentValidator.MaxWindowDays));
            }
            else if (window.Days is not null)
                errors.Add(new(field, ResourceKeys.SegmentWindowConflict));
            return;
        }

        if (window.Days is not null)
            errors.Add(new(field, ResourceKeys.SegmentWindowConflict));
        foreach (var day in new[] { window.From, window.To })
            if (day is { } d && (d.Year < SegmentValidator.MinYear || d.Year > SegmentValidator.MaxYear))
                errors.Add(new(field, ResourceKeys.SegmentWindowDateOutOfRange, SegmentValidator.MinYear, SegmentValidator.MaxYear));
        if (window.From > window.To)
            errors.Add(new(field, ResourceKeys.SegmentWindowInverted, window.From!, window.To!));
    }

    public void Day(MonthDay? day, string field)
    {
        // 2000 is a leap year, so 29 February is accepted.
        if (day is null || day.Month is < 1 or > 12 || day.Day < 1 || day.Day > DateTime.DaysInMonth(2000, day.Month))
            errors.Add(new(field, ResourceKeys.SegmentBirthdayDayInvalid));
    }

    public void Ids(IReadOnlyList<int> ids, string field, SegmentEntity kind)
    {
        if (ids.Count == 0)
            errors.Add(new(field, ResourceKeys.SegmentListEmpty));
        foreach (var id in ids.Distinct())
            Known(kind, id, field);
    }

    public void Known(SegmentEntity kind, int id, string field)
    {
        if (catalog.NameOf(kind, id) is not null)
            return;
        var key = kind switch
        {
            SegmentEntity.Product => ResourceKeys.SegmentUnknownProduct,
            SegmentEntity.Category => ResourceKeys.SegmentUnknownCategory,
            SegmentEntity.CustomerRole => ResourceKeys.SegmentUnknownRole,
            SegmentEntity.Country => ResourceKeys.SegmentUnknownCountry,
            SegmentEntity.StateProvince => ResourceKeys.SegmentUnknownStateProvince,
            SegmentEntity.Tag => ResourceKeys.SegmentUnknownTag,
            _ => ResourceKeys.SegmentUnknownStore
        };
        errors.Add(new(field, key, id));
    }
}
