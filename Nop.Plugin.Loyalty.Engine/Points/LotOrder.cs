namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>The order in which lots are consumed: earliest expiry first, non-expiring last, then by activation and id.</summary>
public sealed class LotOrder : IComparer<PointLot>
{
    public static readonly LotOrder Instance = new();

    private LotOrder() { }

    public int Compare(PointLot x, PointLot y) => LotOrderKey.Of(x).CompareTo(LotOrderKey.Of(y));
}

/// <summary>A lot's place in <see cref="LotOrder"/> as plain numbers, cheap to compare many times.</summary>
internal readonly record struct LotOrderKey(long Expiry, long Activation, int Id) : IComparable<LotOrderKey>
{
    public static LotOrderKey Of(PointLot lot) =>
        new(lot.ExpiresOnUtc?.Ticks ?? long.MaxValue, lot.ActivatesOnUtc.Ticks, lot.Id);

    public int CompareTo(LotOrderKey other)
    {
        if (Expiry != other.Expiry)
            return Expiry < other.Expiry ? -1 : 1;
        if (Activation != other.Activation)
            return Activation < other.Activation ? -1 : 1;
        return Id.CompareTo(other.Id);
    }
}
