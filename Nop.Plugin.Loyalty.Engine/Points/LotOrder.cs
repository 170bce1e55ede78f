namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>The order in which lots are consumed: earliest expiry first, non-expiring last, then by activation and id.</summary>
public sealed class LotOrder : IComparer<PointLot>
{
    public static readonly LotOrder Instance = new();

    private LotOrder() { }

    public int Compare(PointLot x, PointLot y)
    {
        var byExpiry = (x.ExpiresOnUtc, y.ExpiresOnUtc) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } a, { } b) => a.CompareTo(b)
        };
        if (byExpiry != 0)
            return byExpiry;
        var byActivation = x.ActivatesOnUtc.CompareTo(y.ActivatesOnUtc);
        return byActivation != 0 ? byActivation : x.Id.CompareTo(y.Id);
    }
}
