namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>Whether the holder of a coupon copy received from the store may share it and use it.</summary>
public enum SharingMode
{
    /// <summary>The holder uses it; no share button.</summary>
    NotShareable = 0,

    /// <summary>The holder uses it and may share it.</summary>
    Shareable = 1,

    /// <summary>The holder of a copy from the store cannot use it, only share it; the friends who receive it use theirs.</summary>
    ShareOnly = 2
}
