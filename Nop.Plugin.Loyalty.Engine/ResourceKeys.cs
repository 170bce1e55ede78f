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

    public const string SpendNotPositive = Prefix + "Errors.Spend.NotPositive";
    public const string InsufficientPoints = Prefix + "Errors.Spend.InsufficientPoints";

    public const string ListRowUnreadable = Prefix + "Errors.CustomerList.Unreadable";
    public const string ListRowUnknownCustomer = Prefix + "Errors.CustomerList.UnknownCustomer";
    public const string ListRowDuplicate = Prefix + "Errors.CustomerList.Duplicate";
    public const string ListEmpty = Prefix + "Errors.CustomerList.Empty";
}
