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

        var spendable = new PointLot[lots.Count];
        var count = 0;
        long available = 0;
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            if (!lot.IsSpendableAt(nowUtc))
                continue;
            spendable[count++] = lot;
            available += lot.Remaining;
        }

        if (available < points)
            throw new LoyaltyRuleException(ResourceKeys.InsufficientPoints, points, available);

        // A heap gives the next lot in O(log n); a spend rarely needs more than a few lots,
        // so this beats sorting every lot of a customer who holds thousands.
        var queue = new PriorityQueue<PointLot, PointLot>(
            spendable.Take(count).Select(lot => (lot, lot)), LotOrder.Instance);

        var draws = new List<LotDraw>();
        var left = points;
        while (left > 0)
        {
            var lot = queue.Dequeue();
            var take = Math.Min(lot.Remaining, left);
            draws.Add(new LotDraw(lot.Id, take, lot.Remaining - take));
            left -= take;
        }

        return draws;
    }
}
