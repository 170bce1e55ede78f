using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>Checks a coupon's terms before it is stored.</summary>
public static class CouponValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxCodeLength = 100;
    public const int MinDays = 1;
    public const int MaxDays = 3650;
    public const int MinUses = 1;
    public const int MaxUses = 1000;

    /// <summary>Every broken rule of <paramref name="terms"/>; <paramref name="today"/> is today in the store's time zone.</summary>
    public static IReadOnlyList<ValidationError> Validate(CouponTerms terms, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new List<ValidationError>();

        var title = terms.Title?.Trim() ?? "";
        if (title.Length == 0)
            errors.Add(new(nameof(CouponTerms.Title), CouponResourceKeys.TitleRequired));
        else if (title.Length > MaxTitleLength)
            errors.Add(new(nameof(CouponTerms.Title), CouponResourceKeys.TitleTooLong, MaxTitleLength));

        if (terms.Validity == CouponValidityKind.DaysFromReceipt)
        {
            if (terms.ValidDays is not (>= MinDays and <= MaxDays))
                errors.Add(new(nameof(CouponTerms.ValidDays), CouponResourceKeys.ValidDaysOutOfRange, MinDays, MaxDays));
        }
        else if (terms.ValidTo is not { } to)
            errors.Add(new(nameof(CouponTerms.ValidTo), CouponResourceKeys.ValidToRequired));
        else if (terms.ValidFrom is { } from && from > to)
            errors.Add(new(nameof(CouponTerms.ValidFrom), CouponResourceKeys.ValidFromAfterTo));
        else if (to < today)
            errors.Add(new(nameof(CouponTerms.ValidTo), CouponResourceKeys.ValidToInPast));

        if (terms.Uses is < MinUses or > MaxUses)
            errors.Add(new(nameof(CouponTerms.Uses), CouponResourceKeys.UsesOutOfRange, MinUses, MaxUses));
        if (!Enum.IsDefined(terms.Sharing))
            errors.Add(new(nameof(CouponTerms.Sharing), CouponResourceKeys.SharingModeUnknown));
        if (terms.DiscountId is <= 0)
            errors.Add(new(nameof(CouponTerms.DiscountId), CouponResourceKeys.DiscountInvalid));

        var code = terms.Code?.Trim() ?? "";
        if (terms.ShowCode && code.Length == 0)
            errors.Add(new(nameof(CouponTerms.Code), CouponResourceKeys.CodeRequiredWhenShown));
        else if (code.Length > MaxCodeLength)
            errors.Add(new(nameof(CouponTerms.Code), CouponResourceKeys.CodeTooLong, MaxCodeLength));

        return errors;
    }
}
