using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains.Coupons;

/// <summary>A run issuing a coupon to a target in chunks, resumable from its checkpoint (like a special grant).</summary>
public class CouponDistribution : BaseEntity
{
    public int CouponId { get; set; }

    /// <summary>The engine's GrantTarget as JSON.</summary>
    public string TargetJson { get; set; }

    public int StoreId { get; set; }

    /// <summary>The engine's <c>DistributionStatus</c>.</summary>
    public int StatusId { get; set; }

    /// <summary>Target count at confirmation (the progress bar's whole).</summary>
    public int PlannedCount { get; set; }

    /// <summary>Copies issued so far (an SQL increment per chunk).</summary>
    public int IssuedCount { get; set; }

    /// <summary>Checkpoint: every targeted customer id up to this one is done.</summary>
    public int LastCustomerId { get; set; }

    public bool NotifyCustomers { get; set; }

    /// <summary>Notify newsletter subscribers only.</summary>
    public bool NewsletterOnly { get; set; }

    public string LastError { get; set; }

    public int CreatedByCustomerId { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime? StartedOnUtc { get; set; }

    public DateTime? CompletedOnUtc { get; set; }

    public DateTime? LastProgressOnUtc { get; set; }

    /// <summary>The process running it now; null when none.</summary>
    public string Runner { get; set; }

    /// <summary>Until when <see cref="Runner"/> holds it.</summary>
    public DateTime? LeaseUntilUtc { get; set; }
}
