namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Decides which lots a spend consumes: earliest-expiring points first.</summary>
public static class SpendAllocator
{
    /// <summary>
    /// Draws <paramref name="points"/> from the spendable lots in <see cref="LotOrder"/>.
    /// Throws <see cref="LoyaltyRuleException"/> when the points are not positive or more than are available.
    /// </summary>
    public static IReadOnlyList<LotDraw> Allocate(IReadOnlyList<PointLot> lots, int points, DateTime nowUtc)
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

        if (available < points)
            throw new LoyaltyRuleException(ResourceKeys.InsufficientPoints, points, available);

        // Building a heap is linear and each draw costs O(log n); a spend rarely needs more than a few
        // lots, so this beats sorting every lot of a customer who holds thousands.
        var queue = new PriorityQueue<int, LotOrderKey>(spendable);
        var draws = new List<LotDraw>();
        var left = points;
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
