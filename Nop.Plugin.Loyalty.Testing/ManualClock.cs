namespace Nop.Plugin.Loyalty.Testing;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTime startUtc) : TimeProvider
{
    private DateTimeOffset _now = new(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));

    public override DateTimeOffset GetUtcNow() => _now;

    public DateTime UtcNow => _now.UtcDateTime;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _now += by;
}
