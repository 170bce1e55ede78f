using Nop.Core;

namespace Nop.Plugin.Loyalty.Domains;

/// <summary>One customer who received a special grant; unique per (grant, customer).</summary>
public class SpecialGrantRecipient : BaseEntity
{
    public int GrantId { get; set; }
    public int CustomerId { get; set; }

    /// <summary>The RewardPointsHistory entry holding the granted points (the lot).</summary>
    public int LedgerEntryId { get; set; }

    public DateTime? RevokedOnUtc { get; set; }
    public int RevokedPoints { get; set; }
    public DateTime? PurgedOnUtc { get; set; }
}
