namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>Locale resource keys of the messages the tag settings' rules and the tag CSV import raise.</summary>
public static class TagResourceKeys
{
    private const string Prefix = "Plugins.Misc.Loyalty.Tags.";

    public const string NameRequired = Prefix + "Errors.NameRequired";
    public const string NameTooLong = Prefix + "Errors.NameTooLong";
    public const string NameTaken = Prefix + "Errors.NameTaken";
    public const string ColorInvalid = Prefix + "Errors.ColorInvalid";
    public const string RuleRequired = Prefix + "Errors.RuleRequired";
    public const string GroupNameRequired = Prefix + "Errors.GroupNameRequired";
    public const string GroupNameTaken = Prefix + "Errors.GroupNameTaken";

    public const string ImportEmpty = Prefix + "Import.Errors.Empty";
    public const string ImportRowEmpty = Prefix + "Import.Errors.RowEmpty";
    public const string ImportRowMalformed = Prefix + "Import.Errors.RowMalformed";
    public const string ImportRowNoTags = Prefix + "Import.Errors.RowNoTags";
    public const string ImportRowUnknownCustomer = Prefix + "Import.Errors.UnknownCustomer";
    public const string ImportRowUnknownTag = Prefix + "Import.Errors.UnknownTag";
    public const string ImportRowDuplicate = Prefix + "Import.Errors.Duplicate";
    public const string ImportRowAutomaticTag = Prefix + "Import.Errors.AutomaticTag";

    /// <summary>Every key above, for the resource files' check.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        NameRequired, NameTooLong, NameTaken, ColorInvalid, RuleRequired, GroupNameRequired, GroupNameTaken,
        ImportEmpty, ImportRowEmpty, ImportRowMalformed, ImportRowNoTags, ImportRowUnknownCustomer, ImportRowUnknownTag,
        ImportRowDuplicate, ImportRowAutomaticTag
    ];
}
