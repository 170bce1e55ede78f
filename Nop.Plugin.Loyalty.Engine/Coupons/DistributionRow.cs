namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>A run that issues a coupon to a target, projected from LoyaltyCouponDistribution.</summary>
public sealed class DistributionRow
{
    public int Id { get; set; }
    public int CouponId { get; set; }

    /// <summary>A <see cref="Targeting.GrantTarget"/> as GrantTargetJson writes it.</summary>
    public string TargetJson { get; set; } = "";

    public int StoreId { get; set; }

    /// <summary>A <see cref="DistributionStatus"/>.</summary>
    public int StatusId { get; set; }

    /// <summary>The target's count at confirmation, for the progress bar.</summary>
    public int PlannedCount { get; set; }

    public int IssuedCount { get; set; }

    /// <summary>Checkpoint: every targeted customer with an id up to this one has been processed.</summary>
    public int LastCustomerId { get; set; }

    public bool NotifyCustomers { get; set; }

    /// <summary>Notify only customers subscribed to the newsletter.</summary>
    public bool NewsletterOnly { get; set; }

    public string? LastError { get; set; }
    public int CreatedByCustomerId { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public DateTime? StartedOnUtc { get; set; }
    public DateTime? CompletedOnUtc { get; set; }
    public DateTime? LastProgressOnUtc { get; set; }

    /// <summary>The process running the distribution now; null when none is.</summary>
    public string? Runner { get; set; }

    /// <summary>Until when <see cref="Runner"/> holds it; another process may take it over afterwards.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public DistributionStatus Status => (DistributionStatus)StatusId;
}
