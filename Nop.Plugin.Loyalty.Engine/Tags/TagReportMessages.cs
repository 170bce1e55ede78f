namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>Locale resource keys of the messages the tag reports and the campaign tagging raise.</summary>
public static class TagReportMessages
{
    private const string Prefix = "Plugins.Misc.Loyalty.Tags.Reports.Errors.";

    public const string NoTag = Prefix + "NoTag";
    public const string PeriodReversed = Prefix + "PeriodReversed";
}
