using Nop.Core;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>
/// A special points campaign: the same expiring points granted to every customer of a target.
/// The run is chunked by customer id and checkpointed in <see cref="LastCustomerId"/>, so a restart resumes it.
/// </summary>
public class SpecialGrant : BaseEntity
{
    public string Name { get; set; }
    public int Points { get; set; }
    public DateTime ExpiresOnUtc { get; set; }
    public DateTime? ActivatesOnUtc { get; set; }
    public int StoreId { get; set; }

    /// <summary>The target as the engine serialized it, kept so history shows who was targeted even after a segment changes.</summary>
    public string TargetJson { get; set; }
    public string TargetDescription { get; set; }

    public int StatusId { get; set; }
    public GrantStatus Status
    {
        get => (GrantStatus)StatusId;
        set => StatusId = (int)value;
    }

    /// <summary>Recipients counted when the grant was confirmed.</summary>
    public int PlannedRecipientCount { get; set; }
    public int GrantedCount { get; set; }
    public int RevokedCount { get; set; }
    public int PurgedCount { get; set; }

    /// <summary>Checkpoint: every targeted customer with an id up to this one has been processed.</summary>
    public int LastCustomerId { get; set; }

    public bool NotifyCustomers { get; set; }
    public string LastError { get; set; }

    public int CreatedByCustomerId { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public DateTime? StartedOnUtc { get; set; }
    public DateTime? CompletedOnUtc { get; set; }

    /// <summary>When the run last checkpointed a chunk.</summary>
    public DateTime? LastProgressOnUtc { get; set; }

    /// <summary>The process running the grant (or its revoke-all) now; null when none is.</summary>
    public string Runner { get; set; }

    /// <summary>Until when <see cref="Runner"/> holds the grant; the resume task hands it to another process afterwards.</summary>
    public DateTime? LeaseUntilUtc { get; set; }
}
