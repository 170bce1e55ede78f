namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>The record of one lot's expiry: which ledger entry took the points out, and how many.</summary>
public sealed class LotExpiryRow
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int LotEntryId { get; set; }
    /// <summary>The negative ledger entry written by the expiry; null when the expiry took nothing.</summary>
    public int? ExpiryEntryId { get; set; }
    public int ExpiredPoints { get; set; }
    public DateTime ExpiredOnUtc { get; set; }
}
