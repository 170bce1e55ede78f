using Nop.Core.Configuration;

namespace Nop.Plugin.Loyalty;

/// <summary>The plugin's settings.</summary>
public class LoyaltySettings : ISettings
{
    /// <summary>Days after expiry before an unused special lot is purged from the ledger; 0 = never purge.</summary>
    public int PurgeAfterDays { get; set; } = 30;

    /// <summary>Whether new grants notify their recipients by default.</summary>
    public bool NotifyCustomers { get; set; } = true;

    /// <summary>Notify only customers with an active newsletter subscription.</summary>
    public bool NotifyOnlyNewsletterSubscribers { get; set; }

    /// <summary>Points expiring within this many days are shown as "expiring soon".</summary>
    public int ExpiringSoonDays { get; set; } = 14;

    /// <summary>Customers per chunk in bulk operations (grant, revoke, expire, purge).</summary>
    public int GrantChunkSize { get; set; } = Engine.Points.PipelineOptions.DefaultChunkSize;

    /// <summary>
    /// The purchase table's first fill has copied every order with an id up to this one (FillPurchaseLinesTask);
    /// the event consumer keeps the copied orders in sync.
    /// </summary>
    public int PurchaseLinesFilledThroughOrderId { get; set; }

    /// <summary>
    /// The first fill has passed the last order, so the purchase table holds every order line and segments read it.
    /// </summary>
    public bool PurchaseLinesComplete { get; set; }

    /// <summary>
    /// Where the periodic check of the complete table goes on from: it has compared the ranges up to this order id
    /// with the store (0: it starts over).
    /// </summary>
    public int PurchaseLinesVerifiedThroughOrderId { get; set; }

    /// <summary>
    /// How often automatic member tags are recomputed, in minutes: the batch task checks every few minutes and recomputes
    /// the tags last computed longer ago than this.
    /// </summary>
    public int TagRecomputeIntervalMinutes { get; set; } = LoyaltyDefaults.TagRecomputeIntervalMinutes;

    /// <summary>The key signing coupon QR links (base64 of 32 random bytes), created at install or update; secret.</summary>
    public string CouponQrKey { get; set; }
}
