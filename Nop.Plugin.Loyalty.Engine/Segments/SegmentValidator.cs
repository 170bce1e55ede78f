using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Checks a segment definition before it is saved or previewed.</summary>
/// <remarks>
/// Fields are paths into the definition ("root.children[1].window"), so the editor can point at the node.
/// Every definition still compiles, errors or not: validation is what keeps doubtful ones from being saved.
/// </remarks>
public static class SegmentValidator
{
    public const int MaxWindowDays = 36_600;
    public const int MinYear = 1900;
    public const int MaxYear = 2999;
    public const int MaxGenderLength = 100;

    /// <summary>Every broken rule of <paramref name="definition"/>; empty when it may be saved.</summary>
    public static IReadOnlyList<ValidationError> Validate(SegmentDefinition definition, ISegmentCatalog catalog)
    {
        var errors = new List<ValidationError>();
        if (definition.OrderStatusIds is { } statuses)
        {
            if (statuses.Count == 0)
                errors.Add(new("orderStatusIds", ResourceKeys.SegmentListEmpty));
            foreach (var status in statuses.Where(s => !OrderStatuses.All.Contains(s)).Distinct())
                errors.Add(new("orderStatusIds", ResourceKeys.SegmentOrderStatusUnknown, status));
        }

        var walker = new Walker(errors, catalog);
        if (definition.OrderStoreIds is { } stores)
            walker.Ids(stores, "orderStoreIds", SegmentEntity.Store);
        walker.Node(definition.Root, "root", 0);
        return errors;
    }

    private sealed class Walker(List<ValidationError> errors, ISegmentCatalog catalog)
    {
        public void Node(SegmentNode node, string path, int groupDepth)
        {
            switch (node)
            {
                case SegmentGroup g:
                    var depth = groupDepth + 1;
                    if (depth > SegmentDefinition.MaxGroupDepth)
                    {
                        errors.Add(new(path, ResourceKeys.SegmentNestingTooDeep, SegmentDefinition.MaxGroupDepth));
                        return;
                    }
                    if (g.Children.Count == 0)
                        errors.Add(new(path, ResourceKeys.SegmentGroupEmpty));
                    for (var i = 0; i < g.Children.Count; i++)
                        Node(g.Children[i], $"{path}.children[{i}]", depth);
                    break;
                case OrderCountCondition c:
                    Count(c.Count, $"{path}.count");
                    Window(c.Window, $"{path}.window", required: false);
                    break;
                case OrderAmountCondition c:
                    Amount(c.Amount, $"{path}.amount");
                    Window(c.Window, $"{path}.window", required: false);
                    break;
                case PurchasedCondition c:
                    Ids(c.Ids, $"{path}.ids", ScopeEntity(c.Scope));
                    Window(c.Window, $"{path}.window", required: false);
                    break;
                case PurchaseAmountCondition c:
                    Ids(c.Ids, $"{path}.ids", ScopeEntity(c.Scope));
                    Amount(c.Amount, $"{path}.amount");
                    Window(c.Window, $"{path}.window", required: false);
                    break;
                case LastOrderDateCondition c:
                    Window(c.Window, $"{path}.window", required: true);
                    break;
                case RegistrationDateCondition c:
                    Window(c.Window, $"{path}.window", required: true);
                    break;
                case BirthdayCondition c:
                    Birthday(c, path);
                    break;
                case GenderCondition c:
                    if (c.Genders.Count == 0)
                        errors.Add(new($"{path}.genders", ResourceKeys.SegmentListEmpty));
                    foreach (var gender in c.Genders.Where(x => string.IsNullOrWhiteSpace(x) || x.Length > MaxGenderLength))
                        errors.Add(new($"{path}.genders", ResourceKeys.SegmentGenderInvalid, gender ?? ""));
                    break;
                case CountryCondition c:
                    Ids(c.CountryIds, $"{path}.countryIds", SegmentEntity.Country);
                    break;
                case StateProvinceCondition c:
                    Ids(c.StateProvinceIds, $"{path}.stateProvinceIds", SegmentEntity.StateProvince);
                    break;
                case CustomerRoleCondition c:
                    Ids(c.RoleIds, $"{path}.roleIds", SegmentEntity.CustomerRole);
                    break;
                case RegisteredStoreCondition c:
                    Ids(c.StoreIds, $"{path}.storeIds", SegmentEntity.Store);
                    break;
                case NewsletterCondition { StoreId: { } storeId }:
                    Known(SegmentEntity.Store, storeId, $"{path}.storeId");
                    break;
                case PointsBalanceCondition c:
                    if (c.Balance.Min is null && c.Balance.Max is null)
                        errors.Add(new($"{path}.balance", ResourceKeys.SegmentRangeRequired));
                    else if (c.Balance.Min > c.Balance.Max)
                        errors.Add(new($"{path}.balance", ResourceKeys.SegmentRangeInverted, c.Balance.Min!, c.Balance.Max!));
                    if (c.StoreId is { } balanceStore)
                        Known(SegmentEntity.Store, balanceStore, $"{path}.storeId");
                    break;
            }
        }

        private static SegmentEntity ScopeEntity(PurchaseScope scope) =>
            scope == PurchaseScope.Products ? SegmentEntity.Product : SegmentEntity.Category;

        private void Count(IntRange range, string field) => Range(range.Min, range.Max, field);

        private void Amount(DecimalRange range, string field) => Range(range.Min, range.Max, field);

        private void Range<T>(T? min, T? max, string field) where T : struct, System.Numerics.INumber<T>
        {
            if (min is null && max is null)
                errors.Add(new(field, ResourceKeys.SegmentRangeRequired));
            else if (min < T.Zero || max < T.Zero)
                errors.Add(new(field, ResourceKeys.SegmentRangeNegative));
            else if (min > max)
                errors.Add(new(field, ResourceKeys.SegmentRangeInverted, min!, max!));
        }

        private void Window(DateWindow? window, string field, bool required)
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
                    if (window.Days is not (>= 1 and <= MaxWindowDays))
                        errors.Add(new(field, ResourceKeys.SegmentWindowDaysOutOfRange, 1, MaxWindowDays));
                }
                else if (window.Days is not null)
                    errors.Add(new(field, ResourceKeys.SegmentWindowConflict));
                return;
            }

            if (window.Days is not null)
                errors.Add(new(field, ResourceKeys.SegmentWindowConflict));
            foreach (var day in new[] { window.From, window.To })
                if (day is { } d && (d.Year < MinYear || d.Year > MaxYear))
                    errors.Add(new(field, ResourceKeys.SegmentWindowDateOutOfRange, MinYear, MaxYear));
            if (window.From > window.To)
                errors.Add(new(field, ResourceKeys.SegmentWindowInverted, window.From!, window.To!));
        }

        private void Birthday(BirthdayCondition c, string path)
        {
            switch (c.Period)
            {
                case BirthdayPeriod.Month:
                    if (c.Month is not (>= 1 and <= 12))
                        errors.Add(new($"{path}.month", ResourceKeys.SegmentBirthdayMonthInvalid));
                    break;
                case BirthdayPeriod.Days:
                    Day(c.From, $"{path}.from");
                    Day(c.To, $"{path}.to");
                    break;
            }
        }

        private void Day(MonthDay? day, string field)
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

        private void Known(SegmentEntity kind, int id, string field)
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
                _ => ResourceKeys.SegmentUnknownStore
            };
            errors.Add(new(field, key, id));
        }
    }
}
