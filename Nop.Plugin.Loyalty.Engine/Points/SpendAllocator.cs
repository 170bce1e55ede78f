using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

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

        // A customer may hold thousands of lots: pooled buffers keep each spend off the large object heap.
        var pool = ArrayPool<Candidate>.Shared;
        var buffer = pool.Rent(lots.Count);
        Candidate[]? scratch = null;
        PointLot[]? copy = null;
        try
        {
            ReadOnlySpan<PointLot> span;
            if (lots is List<PointLot> list)
                span = CollectionsMarshal.AsSpan(list);
            else if (lots is PointLot[] array)
                span = array;
            else
            {
                copy = ArrayPool<PointLot>.Shared.Rent(lots.Count);
                for (var i = 0; i < lots.Count; i++)
                    copy[i] = lots[i];
                span = copy.AsSpan(0, lots.Count);
            }

            // Non-expiring lots always come after the expiring ones, so they are gathered from the far end and
            // sorted apart: neither sort then has to spread DateTime.MaxValue's distance over its digits.
            var now = nowUtc.Ticks;
            var expiring = 0;
            var back = span.Length;
            long expiringPoints = 0, available = 0;
            foreach (ref readonly var lot in span)
            {
                // The same test as PointLot.IsSpendableAt, on ticks, as DateTime compares them.
                if (lot.Remaining <= 0 || lot.ActivatesOnUtc.Ticks > now)
                    continue;
                if (lot.ExpiresOnUtc is { } expires)
                {
                    if (expires.Ticks <= now)
                        continue;
                    buffer[expiring++] = new Candidate(expires.Ticks, lot.ActivatesOnUtc.Ticks, lot.Id, lot.Remaining);
                    expiringPoints += lot.Remaining;
                }
                else
                    buffer[--back] = new Candidate(long.MaxValue, lot.ActivatesOnUtc.Ticks, lot.Id, lot.Remaining);

                available += lot.Remaining;
            }

            if (available < points && strict)
                throw new LoyaltyRuleException(ResourceKeys.InsufficientPoints, points, available);

            var neverExpiring = span.Length - back;
            buffer.AsSpan(back, neverExpiring).CopyTo(buffer.AsSpan(expiring));
            var candidates = buffer.AsSpan(0, expiring + neverExpiring);
            var left = (int)Math.Min(points, available);

            scratch = pool.Rent(candidates.Length);
            Span<int> counts = stackalloc int[1 << MaxDigitBits];
            SortPrefix(candidates[..expiring], scratch, counts, Component.Expiry, left);
            if (left > expiringPoints)
                SortPrefix(candidates[expiring..], scratch, counts, Component.Activation, left - expiringPoints);

            // Counting the lots first sizes the list exactly: a drain of thousands of lots would otherwise copy it
            // a dozen times as it grows.
            var drawn = 0;
            for (long covered = 0; covered < left; drawn++)
                covered += candidates[drawn].Remaining;

            var draws = new List<LotDraw>(drawn);
            foreach (ref readonly var candidate in candidates[..drawn])
            {
                var take = Math.Min(candidate.Remaining, left);
                draws.Add(new LotDraw(candidate.Id, take, candidate.Remaining - take));
                left -= take;
            }

            return draws;
        }
        finally
        {
            pool.Return(buffer);
            if (scratch != null)
                pool.Return(scratch);
            if (copy != null)
                ArrayPool<PointLot>.Shared.Return(copy);
        }
    }

    // 2^11 counters fit in L1 and still split 10,000 lots into buckets of a few each.
    private const int MaxDigitBits = 11;

    // Below this a bucket is cheaper to insertion-sort than to count and scatter again.
    private const int InsertionSortMax = 24;

    private enum Component { Expiry, Activation, Id }

    /// <summary>
    /// Puts in <see cref="LotOrder"/> the shortest prefix of <paramref name="items"/> holding at least
    /// <paramref name="need"/> points (all of them when they hold less); the rest is left in any order.
    /// </summary>
    /// <remarks>
    /// An MSD radix sort on the order key, one component after another: a comparison sort of thousands of lots
    /// costs about a millisecond, while each counting pass is linear, and a small spend only sorts the first
    /// buckets it reaches. Each pass takes the top bits of the range the bucket still spans, so days-apart
    /// expiries need one pass and identical ones none.
    /// </remarks>
    private static void SortPrefix(Span<Candidate> items, Candidate[] scratch, Span<int> counts, Component component, long need)
    {
        while (true)
        {
            if (items.Length <= InsertionSortMax)
            {
                InsertionSort(items);
                return;
            }

            long min = long.MaxValue, max = long.MinValue;
            foreach (ref readonly var item in items)
            {
                var key = item.Key(component);
                min = Math.Min(min, key);
                max = Math.Max(max, key);
            }

            if (min == max)
            {
                if (component == Component.Id)
                    return;
                component++;
                continue;
            }

            var rangeBits = 64 - BitOperations.LeadingZeroCount((ulong)(max - min));
            // A few hundred lots do not need two thousand buckets: most would only be cleared and summed.
            var sizeBits = 33 - BitOperations.LeadingZeroCount((uint)items.Length);
            var digitBits = Math.Min(MaxDigitBits, Math.Min(rangeBits, sizeBits));
            var shift = rangeBits - digitBits;

            var bucketStarts = counts[..(1 << digitBits)];
            bucketStarts.Clear();
            foreach (ref readonly var item in items)
                bucketStarts[Digit(item, component, min, shift)]++;
            var start = 0;
            foreach (ref var bucket in bucketStarts)
                (bucket, start) = (start, start + bucket);

            var sorted = scratch.AsSpan(0, items.Length);
            foreach (ref readonly var item in items)
                sorted[bucketStarts[Digit(item, component, min, shift)]++] = item;
            sorted.CopyTo(items);

            // The bucket bounds are found again from the digits: the counters and the scratch are free for the
            // recursion, so nothing larger than a few locals is held per level.
            for (var first = 0; first < items.Length && need > 0;)
            {
                var digit = Digit(items[first], component, min, shift);
                long points = items[first].Remaining;
                var end = first + 1;
                while (end < items.Length && Digit(items[end], component, min, shift) == digit)
                    points += items[end++].Remaining;
                if (end - first > 1)
                    SortPrefix(items[first..end], scratch, counts, component, need);
                need -= points;
                first = end;
            }

            return;
        }
    }

    private static int Digit(in Candidate item, Component component, long min, int shift) =>
        (int)((ulong)(item.Key(component) - min) >> shift);

    private static void InsertionSort(Span<Candidate> items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            for (; j >= 0 && item.Precedes(items[j]); j--)
                items[j + 1] = items[j];
            items[j + 1] = item;
        }
    }

    /// <summary>A spendable lot as the numbers of its <see cref="LotOrderKey"/> and what it holds.</summary>
    private readonly record struct Candidate(long Expiry, long Activation, int Id, int Remaining)
    {
        public long Key(Component component) => component switch
        {
            Component.Expiry => Expiry,
            Component.Activation => Activation,
            _ => Id
        };

        public bool Precedes(in Candidate other) =>
            Expiry != other.Expiry ? Expiry < other.Expiry
            : Activation != other.Activation ? Activation < other.Activation
            : Id < other.Id;
    }
}
