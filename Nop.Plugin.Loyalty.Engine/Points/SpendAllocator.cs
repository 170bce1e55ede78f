using System.Buffers;

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

        // A customer may hold thousands of lots: a pooled buffer keeps each spend off the large object heap.
        var buffer = ArrayPool<(LotOrderKey Key, int Index)>.Shared.Rent(lots.Count);
        try
        {
            var count = 0;
            long available = 0;
            for (var i = 0; i < lots.Count; i++)
            {
                var lot = lots[i];
                if (!lot.IsSpendableAt(nowUtc))
                    continue;
                buffer[count++] = (LotOrderKey.Of(lot), i);
                available += lot.Remaining;
            }

            if (available < points && strict)
                throw new LoyaltyRuleException(ResourceKeys.InsufficientPoints, points, available);

            // A heap built in place costs O(n) and each draw O(log n): a spend rarely needs more than a few
            // lots, so this beats sorting every lot of a customer who holds thousands.
            var heap = buffer.AsSpan(0, count);
            for (var i = heap.Length / 2 - 1; i >= 0; i--)
                SiftDown(heap, i);

            var draws = new List<LotDraw>();
            var left = (int)Math.Min(points, available);
            while (left > 0)
            {
                var lot = lots[heap[0].Index];
                heap[0] = heap[^1];
                heap = heap[..^1];
                SiftDown(heap, 0);
                var take = Math.Min(lot.Remaining, left);
                draws.Add(new LotDraw(lot.Id, take, lot.Remaining - take));
                left -= take;
            }

            return draws;
        }
        finally
        {
            ArrayPool<(LotOrderKey Key, int Index)>.Shared.Return(buffer);
        }
    }

    private static void SiftDown(Span<(LotOrderKey Key, int Index)> heap, int parent)
    {
        if (parent >= heap.Length)
            return;
        var item = heap[parent];
        while (true)
        {
            var child = 2 * parent + 1;
            if (child >= heap.Length)
                break;
            if (child + 1 < heap.Length && heap[child + 1].Key.CompareTo(heap[child].Key) < 0)
                child++;
            if (item.Key.CompareTo(heap[child].Key) <= 0)
                break;
            heap[parent] = heap[child];
            parent = child;
        }

        heap[parent] = item;
    }
}
