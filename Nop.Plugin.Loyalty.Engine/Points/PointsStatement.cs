namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Limited (expiring) points that share one expiry instant.</summary>
public sealed record ExpiringPoints(DateTime ExpiresOnUtc, int Points, bool IsSpecial);

/// <summary>What a customer sees on the "My points" page.</summary>
/// <param name="Balance">Current balance.</param>
/// <param name="Limited">Points with an expiry, earliest first, grouped by expiry instant and kind.</param>
/// <param name="ExpiringSoon">Limited points that expire within the notice window.</param>
public sealed record PointsStatement(int Balance, IReadOnlyList<ExpiringPoints> Limited, int ExpiringSoon)
{
    /// <summary>All limited points.</summary>
    public int LimitedTotal => Limited.Sum(l => l.Points);

    /// <summary>When the next limited points expire, if any.</summary>
    public DateTime? NextExpiryUtc => Limited.Count == 0 ? null : Limited[0].ExpiresOnUtc;

    /// <summary>
    /// Builds the statement. Limited points shown never exceed the balance: should a manual
    /// adjustment leave the lots holding more than the balance, the earliest-expiring are shown first.
    /// </summary>
    public static PointsStatement Build(IEnumerable<PointLot> lots, int balance, DateTime nowUtc, TimeSpan expiringSoonWindow)
    {
        var left = Math.Max(balance, 0);
        var limited = new List<ExpiringPoints>();
        var soon = 0;
        foreach (var lot in lots.Where(l => l.IsSpendableAt(nowUtc) && l.ExpiresOnUtc.HasValue).Order(LotOrder.Instance))
        {
            var shown = Math.Min(lot.Remaining, left);
            if (shown == 0)
                break;
            left -= shown;
            var expires = lot.ExpiresOnUtc!.Value;
            if (expires - nowUtc <= expiringSoonWindow)
                soon += shown;
            if (limited.Count > 0 && limited[^1].ExpiresOnUtc == expires && limited[^1].IsSpecial == lot.IsSpecial)
                limited[^1] = limited[^1] with { Points = limited[^1].Points + shown };
            else
                limited.Add(new ExpiringPoints(expires, shown, lot.IsSpecial));
        }

        return new PointsStatement(balance, limited, soon);
    }
}
