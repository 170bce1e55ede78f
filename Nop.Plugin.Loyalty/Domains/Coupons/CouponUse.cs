using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains.Coupons;

/// <summary>One use of a copy: online (an order), in store (the staff member is the place) or by the customer's own button.</summary>
public class CouponUse : BaseEntity
{
    public int CopyId { get; set; }

    public int CouponId { get; set; }

    public int CustomerId { get; set; }

    public DateTime UsedOnUtc { get; set; }

    /// <summary>The engine's <c>UseKind</c>.</summary>
    public int KindId { get; set; }

    public int? OrderId { get; set; }

    /// <summary>The place: the staff member's (admin's) customer id; null online or by the customer.</summary>
    public int? PlaceCustomerId { get; set; }

    /// <summary>The place: the staff member's name at the time.</summary>
    public string PlaceName { get; set; }

    /// <summary>Given back (its order was cancelled while the copy was valid); null while it counts.</summary>
    public DateTime? ReturnedOnUtc { get; set; }
}
