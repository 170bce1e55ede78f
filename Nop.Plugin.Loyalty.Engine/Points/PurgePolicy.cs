using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>When an expired special lot may be purged from the ledger.</summary>
public static class PurgePolicy
{
    /// <summary>Lots that expired on or before this instant are old enough to purge; null when purging is off (0 days).</summary>
    public static DateTime? Cutoff(DateTime nowUtc, int purgeAfterDays) =>
        purgeAfterDays <= 0 ? null : nowUtc.AddDays(-purgeAfterDays);

    /// <summary>
    /// Special lots that may be purged: expired with all of their points unused (the expiry took every granted point),
    /// expiry <paramref name="purgeAfterDays"/> or more days back, not revoked, not yet purged, and no other entry of the
    /// customer dated from the lot's activation to its expiry. Empty when purging is off.
    /// </summary>
    /// <remarks>
    /// Any entry between the two carries a running balance that counts the lot; were the pair deleted and that entry
    /// the customer's latest, the balance would regain the expired points.
    /// </remarks>
    public static IQueryable<PurgeCandidate> Candidates(IQueryable<GrantRecipientRow> recipients,
        IQueryable<LedgerEntryRow> ledger, IQueryable<LotExpiryRow> expiries, DateTime nowUtc, int purgeAfterDays)
    {
        if (Cutoff(nowUtc, purgeAfterDays) is not { } cutoffUtc)
            // Every member set, so that callers can still filter and order the empty query in SQL.
            return recipients.Where(_ => false).Select(r => new PurgeCandidate
            {
                RecipientId = r.Id,
                GrantId = r.GrantId,
                CustomerId = r.CustomerId,
                LotEntryId = r.LedgerEntryId,
                ExpiryEntryId = null,
                Points = 0
            });

        var cutoff = ColumnTime.Of(cutoffUtc);
        return from r in recipients
               where r.PurgedOnUtc == null && r.RevokedOnUtc == null
               join lot in ledger on r.LedgerEntryId equals lot.Id
               join x in expiries on lot.Id equals x.LotEntryId
               where lot.Points > 0 && lot.EndDateUtc != null && lot.EndDateUtc <= cutoff && x.ExpiredPoints == lot.Points
                     && !ledger.Any(e => e.CustomerId == lot.CustomerId && e.Id != lot.Id && e.Id != x.ExpiryEntryId
                                         && e.CreatedOnUtc >= lot.CreatedOnUtc && e.CreatedOnUtc <= x.ExpiredOnUtc)
               select new PurgeCandidate
               {
                   RecipientId = r.Id,
                   GrantId = r.GrantId,
                   CustomerId = r.CustomerId,
                   LotEntryId = lot.Id,
                   ExpiryEntryId = x.ExpiryEntryId,
                   Points = lot.Points
               };
    }
}
