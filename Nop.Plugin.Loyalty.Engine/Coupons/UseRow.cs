namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>One use of a copy, projected from LoyaltyCouponUse.</summary>
public sealed class UseRow
{
    public int Id { get; set; }
    public int CopyId { get; set; }
    public int CouponId { get; set; }
    public int CustomerId { get; set; }
    public DateTime UsedOnUtc { get; set; }

    /// <summary>A <see cref="UseKind"/>.</summary>
    public int KindId { get; set; }

    /// <summary>The order placed with the coupon's discount; null for a use in store.</summary>
    public int? OrderId { get; set; }

    /// <summary>The staff member who used it at the counter (the place); null online or by the customer's own button.</summary>
    public int? PlaceCustomerId { get; set; }

    /// <summary>The staff member's name at the time.</summary>
    public string? PlaceName { get; set; }

    /// <summary>When the use was given back (its order cancelled while the copy was still valid); null while it counts.</summary>
    public DateTime? ReturnedOnUtc { get; set; }

    public UseKind Kind => (UseKind)KindId;
}
