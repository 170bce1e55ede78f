using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>The plugin settings as the configure page edits them.</summary>
public record ConfigurationModel : BaseNopModel
{
    public const int MinGrantChunkSize = Engine.Points.PipelineOptions.MinChunkSize;
    public const int MaxGrantChunkSize = Engine.Points.PipelineOptions.MaxChunkSize;

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Configuration.PurgeAfterDays")]
    public int PurgeAfterDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Configuration.NotifyCustomers")]
    public bool NotifyCustomers { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Configuration.NotifyOnlyNewsletterSubscribers")]
    public bool NotifyOnlyNewsletterSubscribers { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Configuration.ExpiringSoonDays")]
    public int ExpiringSoonDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Configuration.TagRecomputeIntervalMinutes")]
    public int TagRecomputeIntervalMinutes { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Configuration.GrantChunkSize")]
    public int GrantChunkSize { get; set; }

    /// <summary>Shown beside the settings, not edited by them.</summary>
    public PurchaseTableModel PurchaseTable { get; set; } = new();
}
