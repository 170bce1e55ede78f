namespace Nop.Plugin.Loyalty.Engine.Points;

public sealed partial class SpecialPointsPipeline
{
    /// <summary>
    /// Purges special lots that expired unused long enough ago (<see cref="PurgePolicy"/>), chunk by chunk; returns how
    /// many were purged. The lot and its expiry entry net to zero, so deleting both leaves every running balance true.
    /// </summary>
    public async Task<int> PurgeAsync(int purgeAfterDays, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        var last = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Now();
            var after = last;
            var candidates = await _data.ToListAsync(PurgePolicy.Candidates(_data.Recipients, _data.Ledger, _data.LotExpiries, now, purgeAfterDays)
                .Where(c => c.RecipientId > after)
                .OrderBy(c => c.RecipientId)
                .Take(_options.Chunk), cancellationToken);
            if (candidates.Count == 0)
                return purged;

            var lotIds = candidates.Select(c => c.LotEntryId).Distinct().ToList();
            var entryIds = lotIds.Concat(candidates.Where(c => c.ExpiryEntryId.HasValue).Select(c => c.ExpiryEntryId!.Value)).Distinct().ToList();
            using (var work = _writer.Begin())
            {
                await _writer.DeleteEntriesAsync(entryIds);
                await _writer.DeleteLotExpiriesAsync(lotIds);
                await _writer.MarkPurgedAsync(candidates.Select(c => c.RecipientId).ToList(), now);
                foreach (var byGrant in candidates.GroupBy(c => c.GrantId))
                    await _writer.AddToCountsAsync(byGrant.Key, revoked: 0, purged: byGrant.Count());
                work.Complete();
            }

            var lots = candidates.Select(c => new PurgedLot(c.GrantId, c.CustomerId, c.LotEntryId)).ToList();
            await TellAsync(() => _observer.PurgedAsync(lots), "publishing purged points");
            purged += candidates.Count;
            last = candidates[^1].RecipientId;
        }
    }
}
