namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>When an expired special lot may be purged from the ledger.</summary>
public static class PurgePolicy
{
    /// <summary>
    /// A special lot may be purged when it expired with all of its points unused (the expiry took
    /// every granted point) and its expiry lies <paramref name="purgeAfterDays"/> or more days back.
    /// Zero days means never purge.
    /// </summary>
    public static bool IsEligible(int grantedPoints, int expiredPoints, DateTime expiresOnUtc, DateTime nowUtc, int purgeAfterDays) =>
        Cutoff(nowUtc, purgeAfterDays) is { } cutoff
        && grantedPoints > 0
        && expiredPoints == grantedPoints
        && expiresOnUtc <= cutoff;

    /// <summary>Lots that expired on or before this instant are old enough to purge; null when purging is off.</summary>
    public static DateTime? Cutoff(DateTime nowUtc, int purgeAfterDays) =>
        purgeAfterDays <= 0 ? null : nowUtc.AddDays(-purgeAfterDays);
}
