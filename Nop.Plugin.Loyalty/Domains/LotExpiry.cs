using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>The record of one lot's expiry: the ledger entry that took its points out, and how many it took.</summary>
public class LotExpiry : BaseEntity
{
    public int CustomerId { get; set; }
    public int LotEntryId { get; set; }
    public int? ExpiryEntryId { get; set; }
    public int ExpiredPoints { get; set; }
    public DateTime ExpiredOnUtc { get; set; }
}
