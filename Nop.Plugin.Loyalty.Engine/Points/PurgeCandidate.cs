namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>A special lot old enough and unused enough to purge, with the ledger entries that go with it.</summary>
public sealed class PurgeCandidate
{
    public int RecipientId { get; set; }
    public int GrantId { get; set; }
    public int CustomerId { get; set; }
    public int LotEntryId { get; set; }
    public int? ExpiryEntryId { get; set; }
    public int Points { get; set; }
}
