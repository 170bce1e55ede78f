using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains.Coupons;

/// <summary>
/// A coupon definition: what customers read, how long each copy lasts, how many uses it holds and whether it may be
/// shared. The benefit at checkout is the linked nopCommerce discount. Withdrawing it sets <see cref="Deleted"/>.
/// </summary>
public class Coupon : BaseEntity
{
    /// <summary>Shown to customers.</summary>
    public string Title { get; set; }

    /// <summary>The benefit as customers read it; the linked discount computes the amount.</summary>
    public string BenefitText { get; set; }

    /// <summary>nopCommerce picture id of the image; 0 for none.</summary>
    public int PictureId { get; set; }

    /// <summary>Usage guide, sanitized HTML.</summary>
    public string UsageGuideHtml { get; set; }

    /// <summary>Period coupons: the first valid instant (UTC); null = from receipt.</summary>
    public DateTime? ValidFromUtc { get; set; }

    /// <summary>Period coupons: the end for every copy (UTC, exclusive); null for a days coupon.</summary>
    public DateTime? ValidUntilUtc { get; set; }

    /// <summary>Days coupons: days from receipt, the day received counting; null for a period coupon.</summary>
    public int? ValidDays { get; set; }

    /// <summary>Uses each copy starts with.</summary>
    public int Uses { get; set; }

    /// <summary>The engine's <c>SharingMode</c>.</summary>
    public int SharingModeId { get; set; }

    /// <summary>A copy with no use left can still be shared (until it expires).</summary>
    public bool UsedUpShareable { get; set; }

    /// <summary>The nopCommerce discount an order applies to use a copy; null = in store only.</summary>
    public int? DiscountId { get; set; }

    public string Code { get; set; }

    /// <summary>Whether holders see the code.</summary>
    public bool ShowCode { get; set; }

    public int DisplayOrder { get; set; }

    /// <summary>Withdrawn: no longer issued or usable; its history stays.</summary>
    public bool Deleted { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
