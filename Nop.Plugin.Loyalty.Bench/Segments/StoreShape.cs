namespace Nop.Plugin.Loyalty.Bench.Segments;

/// <summary>
/// Customers and orders spread the way a real store's are: about 29 % never ordered, 20 % exactly once, 12 % twice
/// (so the median is 2), the rest a long tail up to hundreds of orders; customers and orders grow over time.
/// </summary>
/// <remarks>
/// A store where every customer orders a few times hides what the long tail costs: a per-customer count of a
/// customer with 400 orders reads 400 index entries, and "bought exactly once" then selects a fifth of the store.
/// </remarks>
internal static class StoreShape
{
    private const double NeverOrdered = 0.29;
    private const double OrderedOnce = 0.20;
    private const double OrderedTwice = 0.12;

    /// <summary>The fewest orders per customer the shape needs: the tail starts at 3 orders.</summary>
    public const double MinOrdersPerCustomer = OrderedOnce + 2 * OrderedTwice + 3 * (1 - NeverOrdered - OrderedOnce - OrderedTwice);

    /// <summary>Registration times between <paramref name="from"/> and <paramref name="to"/>, more of them recently.</summary>
    public static DateTime[] Registrations(int customers, DateTime from, DateTime to, Random random) =>
        Enumerable.Range(0, customers).Select(_ => Growing(from, to, random)).ToArray();

    /// <summary>
    /// Exactly <paramref name="orders"/> orders as (customer id, time) in time order, so that order ids grow with time
    /// as a store's do. Orders grow over time store-wide; a customer registered after their first order is moved back to it.
    /// </summary>
    public static (int[] Customers, DateTime[] Times) Orders(int orders, DateTime[] registered, DateTime now, Random random)
    {
        var counts = Counts(registered.Length, orders, random);
        var times = new long[orders];
        var customers = new int[orders];
        var next = 0;
        var from = registered.Min();
        for (var c = 0; c < counts.Length; c++)
            for (var k = 0; k < counts[c]; k++)
            {
                customers[next] = c + 1;
                var at = Growing(from, now, random);
                if (at < registered[c])
                    registered[c] = at;
                times[next++] = at.Ticks;
            }
        Array.Sort(times, customers);
        return (customers, times.Select(t => new DateTime(t, DateTimeKind.Unspecified)).ToArray());
    }

    private static int[] Counts(int customers, int orders, Random random)
    {
        var counts = new int[customers];
        var tail = new List<int>();
        var fixedOrders = 0L;
        for (var c = 0; c < customers; c++)
        {
            var u = random.NextDouble();
            if (u < NeverOrdered)
                continue;
            if (u < NeverOrdered + OrderedOnce + OrderedTwice)
            {
                counts[c] = u < NeverOrdered + OrderedOnce ? 1 : 2;
                fixedOrders += counts[c];
                continue;
            }
            // Log-normal above 3: median 13 orders, one customer in a thousand above 500.
            counts[c] = (int)Math.Exp(Math.Log(10) + 1.3 * Normal(random));
            tail.Add(c);
        }

        // Scale the tail so the store has exactly the orders asked for; the floors leave a few to hand out one by one.
        var wanted = orders - fixedOrders - 3L * tail.Count;
        if (wanted < 0 || tail.Count == 0)
            throw new ArgumentException($"--orders must be at least {MinOrdersPerCustomer:0.##} times --customers for this store's shape.");
        var raw = tail.Sum(c => (long)counts[c]);
        var scale = raw == 0 ? 0 : (double)wanted / raw;
        foreach (var c in tail)
            counts[c] = 3 + (int)Math.Floor(counts[c] * scale);
        var missing = orders - counts.Sum(n => (long)n);
        for (var i = 0; missing > 0; i++, missing--)
            counts[tail[i % tail.Count]]++;
        return counts;
    }

    // Density rising linearly from from to to: a store that grows.
    private static DateTime Growing(DateTime from, DateTime to, Random random) =>
        DateTime.SpecifyKind(from.AddTicks((long)((to - from).Ticks * Math.Sqrt(random.NextDouble()))), DateTimeKind.Unspecified);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
