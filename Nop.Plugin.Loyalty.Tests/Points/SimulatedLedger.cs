using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Tests.Points;

/// <summary>One customer's ledger kept in memory, driven through the engine's rules step by step.</summary>
internal sealed class SimulatedLedger
{
    private DateTime _now = LotGenerator.Now;
    private int _nextId = 1;

    public List<PointLot> Lots { get; } = [];
    public int Balance { get; private set; }

    /// <summary>The balance and the points the lots held once the last spend had settled expiry, before it drew.</summary>
    public (int Balance, int Held) BeforeLastSpend { get; private set; }
    public bool NegativeAfterExpiry { get; private set; }

    public void Grant(int points, TimeSpan? expiresIn)
    {
        Lots.Add(new PointLot(_nextId++, points, points, _now, _now + expiresIn));
        Post(points);
    }

    /// <summary>Spends at checkout after settling expiry; false when refused for want of points.</summary>
    public bool Spend(int points)
    {
        Expire();
        BeforeLastSpend = (Balance, Lots.Sum(l => l.Remaining));
        try
        {
            var draws = SpendAllocator.Allocate(Lots, points, _now);
            foreach (var draw in draws)
                Replace(draw.LotId, draw.RemainingAfter);
            Post(-points);
            return true;
        }
        catch (LoyaltyRuleException)
        {
            // More than available: refused, nothing changes.
            return false;
        }
    }

    /// <summary>A manual deduction that does not touch the lots, as an admin's correction may.</summary>
    public void Adjust(int points) => Post(points);

    public void Advance(TimeSpan by) => _now += by;

    public void Expire()
    {
        var before = Balance;
        var result = LotRetirement.Expire(Lots, Balance, _now);
        foreach (var draw in result.Draws)
        {
            Replace(draw.LotId, 0);
            var taken = draw.Points;
            if (taken > 0)
                Post(-taken);
        }

        if (before >= 0 && Balance < 0)
            NegativeAfterExpiry = true;
    }

    private void Post(int points) => Balance += points;

    private void Replace(int lotId, int remaining)
    {
        var index = Lots.FindIndex(l => l.Id == lotId);
        Lots[index] = Lots[index] with { Remaining = remaining };
    }
}
