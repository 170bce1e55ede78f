namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>One recipient of a special grant, projected from the plugin's recipient table.</summary>
public sealed class GrantRecipientRow
{
    public int Id { get; set; }
    public int GrantId { get; set; }
    public int CustomerId { get; set; }
    /// <summary>The RewardPointsHistory entry that holds the granted points (the lot).</summary>
    public int LedgerEntryId { get; set; }
    public DateTime? RevokedOnUtc { get; set; }
    public int RevokedPoints { get; set; }
    public DateTime? PurgedOnUtc { get; set; }
}
