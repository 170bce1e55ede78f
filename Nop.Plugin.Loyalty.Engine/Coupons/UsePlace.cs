namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>Where a use was made: an order online, at the counter by a staff member, or by the customer's own button.</summary>
public enum UseKind
{
    Online = 1,
    InStore = 2,

    /// <summary>The customer pressed Use on their own phone; no place is recorded.</summary>
    ByCustomer = 3
}

/// <summary>The staff member (a signed-in admin) who used a copy at the counter: the use's recorded place.</summary>
public sealed record UsePlace(int StaffCustomerId, string StaffName);
