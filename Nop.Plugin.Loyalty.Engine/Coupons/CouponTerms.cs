namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>How long a coupon's copies are valid.</summary>
public enum CouponValidityKind
{
    /// <summary>From–To: the same days for every copy.</summary>
    Period = 1,

    /// <summary>N days from each copy's receipt, the day received counting as the first.</summary>
    DaysFromReceipt = 2
}

/// <summary>The rules of a coupon as the admin states them; days are days in the store's time zone.</summary>
/// <param name="ValidFrom">A period's first day; null for "from receipt".</param>
/// <param name="ValidTo">A period's last day (valid to the end of it).</param>
/// <param name="ValidDays">Days from receipt.</param>
/// <param name="Uses">Uses each copy starts with.</param>
/// <param name="DiscountId">The linked nopCommerce discount; null for a coupon used in store only.</param>
public sealed record CouponTerms(
    string Title,
    CouponValidityKind Validity,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int? ValidDays,
    int Uses,
    SharingMode Sharing,
    bool UsedUpShareable = false,
    int? DiscountId = null,
    string? Code = null,
    bool ShowCode = false)
{
    /// <summary>The coupon's row as the engine stores it (validity as UTC instants); the terms must have been validated.</summary>
    public CouponRow ToRow(TimeZoneInfo storeZone)
    {
        var row = new CouponRow
        {
            Title = Title.Trim(),
            Uses = Uses,
            SharingModeId = (int)Sharing,
            UsedUpShareable = UsedUpShareable,
            DiscountId = DiscountId,
            Code = string.IsNullOrWhiteSpace(Code) ? null : Code.Trim(),
            ShowCode = ShowCode
        };
        if (Validity == CouponValidityKind.DaysFromReceipt)
            row.ValidDays = ValidDays;
        else
            (row.ValidFromUtc, row.ValidUntilUtc) = CouponValidity.Period(ValidFrom, ValidTo!.Value, storeZone);
        return row;
    }
}
