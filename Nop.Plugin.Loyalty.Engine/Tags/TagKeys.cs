namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>Locale resource keys of the messages the tag steps raise; the plugin ships their texts.</summary>
public static class TagKeys
{
    private const string Prefix = "Plugins.Misc.Loyalty.Tags.Auto.";

    /// <summary>No tag with this id ({0}).</summary>
    public const string UnknownTag = Prefix + "Errors.UnknownTag";

    /// <summary>The tag ({0}) is manual: it has no rule to compute.</summary>
    public const string NotAutomatic = Prefix + "Errors.NotAutomatic";

    /// <summary>The tag ({0}) is automatic: its rule alone decides its members, so it is not given from conditions.</summary>
    public const string FollowsItsRule = Prefix + "Errors.FollowsItsRule";

    /// <summary>The automatic tag's rule ({0}) cannot be read.</summary>
    public const string RuleUnreadable = Prefix + "Errors.RuleUnreadable";
}
