namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Decides which lots a spend consumes: earliest-expiring points first.</summary>
public static class SpendAllocator
{
    /// <summary>
    /// Draws <paramref name="points"/> from the spendable lots in <see cref="LotOrder"/>.
    /// Throws <see cref="LoyaltyRuleException"/> when the points are not positive or more than are available.
    /// </summary>
    public static IReadOnlyList<LotDraw> Allocate(IReadOnlyList<PointLot> lots, int points, DateTime nowUtc) =>
        Draw(lots, points, nowUtc, strict: true);

    /// <summary>
    /// Draws up to <paramref name="points"/> the same way, for deductions the store makes whatever is available
    /// (an order's earned points taken back on cancellation, an admin's correction): the lots give what they hold,
    /// earliest expiry first, and any remainder is left to the balance as nopCommerce does.
    /// </summary>
    public static IReadOnlyList<LotDraw> Deduct(IReadOnlyList<PointLot> lots, int points, DateTime nowUtc) =>
        Draw(lots, points, nowUtc, strict: false);

    private static IReadOnlyList<LotDraw> Draw(IReadOnlyList<PointLot> lots, int points, DateTime nowUtc, bool strict)
    {
        if (points <= 0)
            throw new LoyaltyRuleException(ResourceKeys.SpendNotPositive, points);

        var spendable = new List<(int Index, LotOrderKey Key)>(lots.Count);
        long available = 0;
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            if (!lot.IsSpendableAt(nowUtc))
                continue;
            spendable.Add((i, LotOrderKey.Of(lot)));
            available += lot.Remaining;
        }

        if (available < points && strict)
            throw new LoyaltyRuleException(ResourceKeys.InsufficientPoints, points, available);

        // Building a heap is linear and each draw costs O(log n); a spend rarely needs more than a few
        // lots, so this beats sorting every lot of a customer who holds thousands.
        var queue = new PriorityQueue<int, LotOrderKey>(spendable);
        var draws = new List<LotDraw>();
        var left = (int)Math.Min(points, available);
        while (left > 0)
        {
            var lot = lots[queue.Dequeue()];
            var take = Math.Min(lot.Remaining, left);
            draws.Add(new LotDraw(lot.Id, take, lot.Remaining - take));
            left -= take;
        }

        return draws;
    }
}
