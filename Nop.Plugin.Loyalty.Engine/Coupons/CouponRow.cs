namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>A coupon definition, projected from the plugin's LoyaltyCoupon table.</summary>
public sealed class CouponRow
{
    public int Id { get; set; }

    /// <summary>Shown to customers in their wallet.</summary>
    public string Title { get; set; } = "";

    /// <summary>The benefit as customers read it ("10% off"); the linked discount computes the real amount.</summary>
    public string? BenefitText { get; set; }

    /// <summary>The nopCommerce picture of the coupon's image; 0 when it has none.</summary>
    public int PictureId { get; set; }

    /// <summary>The usage guide as sanitized HTML.</summary>
    public string? UsageGuideHtml { get; set; }

    /// <summary>
    /// A period coupon's first valid instant (start of its first day in the store's time zone); null when it is valid from
    /// receipt (always null for a coupon valid <see cref="ValidDays"/> days).
    /// </summary>
    public DateTime? ValidFromUtc { get; set; }

    /// <summary>A period coupon's end, the same for every copy (end of its last day in the store's zone); null for a days coupon.</summary>
    public DateTime? ValidUntilUtc { get; set; }

    /// <summary>Days each copy is valid from its receipt (the day received counts as the first); null for a period coupon.</summary>
    public int? ValidDays { get; set; }

    /// <summary>Uses each copy starts with: 1, or N for a ticket book.</summary>
    public int Uses { get; set; }

    public int SharingModeId { get; set; }

    /// <summary>Whether a copy with no use left can still be shared (until it expires).</summary>
    public bool UsedUpShareable { get; set; }

    /// <summary>The nopCommerce discount an order applies to use a copy; null for a coupon used in store only.</summary>
    public int? DiscountId { get; set; }

    public string? Code { get; set; }

    /// <summary>Whether the holder sees <see cref="Code"/>.</summary>
    public bool ShowCode { get; set; }

    /// <summary>The admin's sort order.</summary>
    public int DisplayOrder { get; set; }

    /// <summary>Withdrawn: no longer distributed, shared, claimed or used; its history stays.</summary>
    public bool Deleted { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public SharingMode SharingMode => (SharingMode)SharingModeId;
}
