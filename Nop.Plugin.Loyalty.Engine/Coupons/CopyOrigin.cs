namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>How a customer came to hold a coupon copy; only a copy from the store can be shared.</summary>
public enum CopyOrigin
{
    /// <summary>Issued by the store (a distribution); the copy's source is the distribution.</summary>
    Store = 1,

    /// <summary>Received from another customer (a claimed link or an email share); the copy's source is the share.</summary>
    Share = 2
}
