namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>One reward points history entry, projected from nopCommerce's RewardPointsHistory table.</summary>
/// <remarks>
/// A positive entry is a lot: <see cref="ValidPoints"/> is what is left of it and
/// <see cref="EndDateUtc"/> its expiry. <see cref="CreatedOnUtc"/> is when it activates.
/// </remarks>
public sealed class LedgerEntryRow
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int StoreId { get; set; }
    public int Points { get; set; }
    public int? PointsBalance { get; set; }
    public DateTime CreatedOnUtc { get; set; }
    public DateTime? EndDateUtc { get; set; }
    public int? ValidPoints { get; set; }
    /// <summary>The order a redemption paid (nopCommerce's order GUID); null for any other entry.</summary>
    public Guid? UsedWithOrder { get; set; }
}
