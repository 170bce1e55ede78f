namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>A newsletter subscription, projected from NewsLetterSubscription (matched to customers by email).</summary>
public sealed class NewsletterSubscriptionRow
{
    public string Email { get; set; } = "";
    public bool Active { get; set; }
    public int StoreId { get; set; }

    /// <summary>The newsletter (subscription type) subscribed to.</summary>
    public int TypeId { get; set; }
}
