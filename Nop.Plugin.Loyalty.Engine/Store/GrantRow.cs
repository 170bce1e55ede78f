namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>A special points grant, projected from the plugin's grant table.</summary>
public sealed class GrantRow
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Points { get; set; }
    public DateTime ExpiresOnUtc { get; set; }
    public DateTime? ActivatesOnUtc { get; set; }
    public int StoreId { get; set; }
    public string TargetJson { get; set; } = "";
    public int StatusId { get; set; }
    public int PlannedRecipientCount { get; set; }
    public int GrantedCount { get; set; }
    public int RevokedCount { get; set; }
    public int PurgedCount { get; set; }

    /// <summary>Checkpoint: every targeted customer with an id up to this one has been processed.</summary>
    public int LastCustomerId { get; set; }

    public bool NotifyCustomers { get; set; }
    public string? LastError { get; set; }
    public int CreatedByCustomerId { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public DateTime? StartedOnUtc { get; set; }
    public DateTime? CompletedOnUtc { get; set; }
    public DateTime? LastProgressOnUtc { get; set; }

    /// <summary>The process running the grant (or its revoke-all) now; null when none is.</summary>
    public string? Runner { get; set; }

    /// <summary>Until when <see cref="Runner"/> holds the grant; another process may take it over afterwards.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public GrantStatus Status => (GrantStatus)StatusId;
}
