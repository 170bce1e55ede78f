namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>What retiring lots (expiry or revoke) took, in order, and the balance after each step.</summary>
/// <param name="Draws">One draw per retired lot, in <see cref="LotOrder"/>.</param>
/// <param name="BalancesAfter">The customer's balance after each draw, aligned with <see cref="Draws"/>.</param>
/// <param name="FinalBalance">The balance after the last draw.</param>
public sealed record Retirement(IReadOnlyList<LotDraw> Draws, IReadOnlyList<int> BalancesAfter, int FinalBalance)
{
    /// <summary>Total points taken out of the balance.</summary>
    public int TotalPoints => Draws.Sum(d => d.Points);
}

/// <summary>Takes what remains of lots out of a customer's balance, never below zero.</summary>
public static class LotRetirement
{
    /// <summary>
    /// Retires every given lot: each takes what remains of it, but no more than the balance left,
    /// so earlier manual adjustments can never push the balance negative. Every lot ends with nothing left.
    /// </summary>
    public static Retirement Retire(IEnumerable<PointLot> lots, int balance)
    {
        var draws = new List<LotDraw>();
        var balances = new List<int>();
        var running = balance;
        foreach (var lot in lots.Where(l => l.Remaining > 0).Order(LotOrder.Instance))
        {
            var take = Math.Clamp(running, 0, lot.Remaining);
            running -= take;
            draws.Add(new LotDraw(lot.Id, take, 0));
            balances.Add(running);
        }

        return new Retirement(draws, balances, running);
    }

    /// <summary>Retires the lots of one customer that are due for expiry at <paramref name="nowUtc"/>.</summary>
    public static Retirement Expire(IEnumerable<PointLot> lots, int balance, DateTime nowUtc) =>
        Retire(lots.Where(l => l.IsDueForExpiryAt(nowUtc)), balance);
}
