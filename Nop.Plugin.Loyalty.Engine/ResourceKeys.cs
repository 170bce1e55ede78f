namespace Nop.Plugin.Loyalty.Engine;

/// <summary>Locale resource keys of every message the engine can raise; the plugin ships their texts.</summary>
public static class ResourceKeys
{
    private const string Prefix = "Plugins.Misc.Loyalty.";

    public const string NameRequired = Prefix + "Errors.Grant.NameRequired";
    public const string NameTooLong = Prefix + "Errors.Grant.NameTooLong";
    public const string PointsOutOfRange = Prefix + "Errors.Grant.PointsOutOfRange";
    public const string ExpiryRequired = Prefix + "Errors.Grant.ExpiryRequired";
    public const string ExpiryInPast = Prefix + "Errors.Grant.ExpiryInPast";
    public const string ExpiryBeforeActivation = Prefix + "Errors.Grant.ExpiryBeforeActivation";
    public const string TargetEmpty = Prefix + "Errors.Grant.TargetEmpty";
    public const string TargetUnreadable = Prefix + "Errors.Grant.TargetUnreadable";
    public const string RevokeAllRefused = Prefix + "Errors.Grant.RevokeAllRefused";

    public const string SpendNotPositive = Prefix + "Errors.Spend.NotPositive";
    public const string InsufficientPoints = Prefix + "Errors.Spend.InsufficientPoints";

    public const string ListRowUnreadable = Prefix + "Errors.CustomerList.Unreadable";
    public const string ListRowUnknownCustomer = Prefix + "Errors.CustomerList.UnknownCustomer";
    public const string ListRowDuplicate = Prefix + "Errors.CustomerList.Duplicate";
    public const string ListEmpty = Prefix + "Errors.CustomerList.Empty";

    #region Segments

    public const string SegmentMalformed = Prefix + "Errors.Segment.Malformed";
    public const string SegmentVersionUnsupported = Prefix + "Errors.Segment.VersionUnsupported";
    public const string SegmentGroupEmpty = Prefix + "Errors.Segment.GroupEmpty";
    public const string SegmentNestingTooDeep = Prefix + "Errors.Segment.NestingTooDeep";
    public const string SegmentListEmpty = Prefix + "Errors.Segment.ListEmpty";
    public const string SegmentRangeRequired = Prefix + "Errors.Segment.RangeRequired";
    public const string SegmentRangeInverted = Prefix + "Errors.Segment.RangeInverted";
    public const string SegmentRangeNegative = Prefix + "Errors.Segment.RangeNegative";
    public const string SegmentWindowRequired = Prefix + "Errors.Segment.WindowRequired";
    public const string SegmentWindowInverted = Prefix + "Errors.Segment.WindowInverted";
    public const string SegmentWindowConflict = Prefix + "Errors.Segment.WindowConflict";
    public const string SegmentWindowDaysOutOfRange = Prefix + "Errors.Segment.WindowDaysOutOfRange";
    public const string SegmentWindowDateOutOfRange = Prefix + "Errors.Segment.WindowDateOutOfRange";
    public const string SegmentBirthdayMonthInvalid = Prefix + "Errors.Segment.BirthdayMonthInvalid";
    public const string SegmentBirthdayDayInvalid = Prefix + "Errors.Segment.BirthdayDayInvalid";
    public const string SegmentGenderInvalid = Prefix + "Errors.Segment.GenderInvalid";
    public const string SegmentOrderStatusUnknown = Prefix + "Errors.Segment.OrderStatusUnknown";
    public const string SegmentUnknownProduct = Prefix + "Errors.Segment.UnknownProduct";
    public const string SegmentUnknownCategory = Prefix + "Errors.Segment.UnknownCategory";
    public const string SegmentUnknownRole = Prefix + "Errors.Segment.UnknownRole";
    public const string SegmentUnknownCountry = Prefix + "Errors.Segment.UnknownCountry";
    public const string SegmentUnknownStateProvince = Prefix + "Errors.Segment.UnknownStateProvince";
    public const string SegmentUnknownStore = Prefix + "Errors.Segment.UnknownStore";
    public const string SegmentUnknownTag = Prefix + "Segments.Builder.Errors.UnknownTag";

    /// <summary>The warning for a condition reading a customer field the store does not collect.</summary>
    public static string SegmentFieldNotCollected(Segments.CustomerField field) => Prefix + "Warnings.Segment.NotCollected." + field;

    #endregion
}
