namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>Locale resource keys of every message the coupon rules can raise; the plugin ships their texts.</summary>
public static class CouponResourceKeys
{
    private const string Prefix = "Plugins.Misc.Loyalty.Coupons.Errors.";

    public const string TitleRequired = Prefix + "TitleRequired";
    public const string TitleTooLong = Prefix + "TitleTooLong";
    public const string ValidToRequired = Prefix + "ValidToRequired";
    public const string ValidFromAfterTo = Prefix + "ValidFromAfterTo";
    public const string ValidToInPast = Prefix + "ValidToInPast";
    public const string ValidDaysOutOfRange = Prefix + "ValidDaysOutOfRange";
    public const string UsesOutOfRange = Prefix + "UsesOutOfRange";
    public const string SharingModeUnknown = Prefix + "SharingModeUnknown";
    public const string DiscountInvalid = Prefix + "DiscountInvalid";
    public const string CodeRequiredWhenShown = Prefix + "CodeRequiredWhenShown";
    public const string CodeTooLong = Prefix + "CodeTooLong";

    public const string ImageEmpty = Prefix + "ImageEmpty";
    public const string ImageTooLarge = Prefix + "ImageTooLarge";
    public const string ImageNotJpegOrPng = Prefix + "ImageNotJpegOrPng";

    public const string CouponUnknown = Prefix + "CouponUnknown";
    public const string CouponEnded = Prefix + "CouponEnded";

    public const string CopyUnknown = Prefix + "CopyUnknown";
    public const string CopyNotYours = Prefix + "CopyNotYours";
    public const string NotShareable = Prefix + "NotShareable";
    public const string ReceivedBySharing = Prefix + "ReceivedBySharing";
    public const string CopyExpired = Prefix + "CopyExpired";
    public const string CopyNotYetValid = Prefix + "CopyNotYetValid";
    public const string UsedUpNotShareable = Prefix + "UsedUpNotShareable";
    public const string ShareEmailUnknown = Prefix + "ShareEmailUnknown";
    public const string ShareToSelf = Prefix + "ShareToSelf";

    public const string LinkUnknown = Prefix + "LinkUnknown";
    public const string LinkExpired = Prefix + "LinkExpired";
    public const string LinkOwn = Prefix + "LinkOwn";
    public const string LinkForSomeoneElse = Prefix + "LinkForSomeoneElse";
    public const string LinkAlreadyClaimed = Prefix + "LinkAlreadyClaimed";

    public const string ShareOnlyCannotUse = Prefix + "ShareOnlyCannotUse";
    public const string UsedUp = Prefix + "UsedUp";
    public const string NoUsableCopy = Prefix + "NoUsableCopy";
    public const string QrInvalid = Prefix + "QrInvalid";
    public const string QrUnknown = Prefix + "QrUnknown";
}
