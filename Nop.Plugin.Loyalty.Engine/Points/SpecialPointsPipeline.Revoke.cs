using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

public sealed partial class SpecialPointsPipeline
{
    private static readonly GrantStatus[] Revocable = [GrantStatus.Completed, GrantStatus.Failed];

    /// <summary>The most id ranges one statement names (see <see cref="Batches"/>).</summary>
    private const int RangesPerStatement = 50;

    /// <summary>Takes back what remains of one recipient's points (allowed while the grant runs); returns the points taken.</summary>
    public async Task<int> RevokeAsync(int grantId, int customerId)
    {
        var grant = await FindGrantAsync(grantId);
        return grant == null ? 0 : await RevokeChunkAsync(grant, [customerId], runner: null);
    }

    /// <summary>
    /// Asks for every recipient's points to be taken back; the caller then runs the grant (<see cref="RunAsync"/>) in
    /// the background. Refused while the grant is queued or running: a revoke-all racing a grant run would miss the
    /// customers granted after it passed them.
    /// </summary>
    public async Task RequestRevokeAllAsync(int grantId)
    {
        var now = Now();
        // Taken with a lease that is already over, so the background run takes it at once.
        if (!await _writer.TryTakeGrantAsync(grantId, NewRunner(), Revocable, GrantStatus.Revoking, now, now))
            throw new LoyaltyRuleException(ResourceKeys.RevokeAllRefused, grantId);
    }

    private async Task<GrantRunOutcome> RunRevokeAllAsync(GrantRow grant, CancellationToken cancellationToken)
    {
        var runner = NewRunner();
        var now = Now();
        if (!await _writer.TryTakeGrantAsync(grant.Id, runner, [GrantStatus.Revoking], GrantStatus.Revoking, now, now + _options.Lease))
            return GrantRunOutcome.Busy;

        try
        {
            var grantId = grant.Id;
            var last = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var after = last;
                var chunk = await _data.ToListAsync(_data.Recipients
                    .Where(r => r.GrantId == grantId && r.CustomerId > after && r.RevokedOnUtc == null && r.PurgedOnUtc == null)
                    .OrderBy(r => r.CustomerId)
                    .Select(r => r.CustomerId)
                    .Take(_options.Chunk), cancellationToken);
                if (chunk.Count == 0)
                    break;

                await RevokeChunkAsync(grant, chunk, runner);
                last = chunk[^1];
            }

            await _writer.ReleaseGrantAsync(grant.Id, runner, GrantStatus.Revoked, null, Now());
            return GrantRunOutcome.Revoked;
        }
        catch (GrantLeaseLostException)
        {
            return GrantRunOutcome.LeaseLost;
        }
        catch (Exception e)
        {
            // Stays Revoking: the next run (retry or the resume task) carries on where this one stopped.
            await _writer.ReleaseGrantAsync(grant.Id, runner, GrantStatus.Revoking, e is OperationCanceledException ? null : e.Message, Now());
            throw;
        }
    }

    /// <summary>
    /// Takes back what remains of the grant's lots for these customers, in one unit of work: lock, settle (what expired
    /// is no longer there to revoke), read the recipients and their lots again under the lock (a concurrent revoke may
    /// have taken them), then retire each lot without taking a balance below zero. Points that are not active yet never
    /// reached the balance: their lot is emptied instead. Set-based like a grant chunk, and writing no more than it must:
    /// the entries in one bulk insert (their ids are not needed), the lots by ranges of their ids (a grant wrote them
    /// consecutively), the recipients by the chunk's customer range, the counters with the progress. Returns the points taken.
    /// </summary>
    /// <param name="customerIds">
    /// Every recipient of the grant not yet revoked or purged whose customer id lies between the first and the last of
    /// these: the range alone then names them.
    /// </param>
    private async Task<int> RevokeChunkAsync(GrantRow grant, IReadOnlyList<int> customerIds, string? runner)
    {
        var range = CustomerRange.Spanning(customerIds);
        IReadOnlyList<ExpiredLot> expired;
        var revoked = new List<RevokedPoints>();
        using (var work = _writer.Begin())
        {
            await _writer.LockCustomersAsync(range);
            // After the lock, as every locked write reads its time (see SpendAsync).
            var now = Now();
            expired = await SettleLockedAsync(range, now);

            var (grantId, first, last) = (grant.Id, range.First, range.Last);
            // Only what retiring a lot reads: the chunk's lots are thousands of rows. The ledger side names the customer
            // range too (a lot is its recipient's entry): without it PostgreSQL hashes the whole ledger for the join.
            var recipients = await _data.ToListAsync(
                from r in _data.Recipients
                where r.GrantId == grantId && r.CustomerId >= first && r.CustomerId <= last && r.RevokedOnUtc == null && r.PurgedOnUtc == null
                join l in _data.Ledger.Where(e => e.CustomerId >= first && e.CustomerId <= last) on r.LedgerEntryId equals l.Id into lots
                from l in lots.DefaultIfEmpty()
                orderby r.CustomerId
                select new HeldLot(r.Id, r.CustomerId, r.LedgerEntryId, l == null ? null : new LedgerEntryRow
                {
                    Id = l.Id,
                    StoreId = l.StoreId,
                    Points = l.Points,
                    PointsBalance = l.PointsBalance,
                    CreatedOnUtc = l.CreatedOnUtc,
                    EndDateUtc = l.EndDateUtc,
                    ValidPoints = l.ValidPoints
                }));

            if (recipients.Count > 0)
            {
                var message = await _texts.RevokedAsync(grant);

                var planned = new List<PlannedEntry>();
                var pending = new List<int>();
                var taken = new Dictionary<int, int>();
                var balances = new Dictionary<int, Dictionary<int, int>>(); // by balance store, 0 when balances span stores
                foreach (var (recipientId, customerId, lotId, lot) in recipients)
                {
                    var points = 0;
                    if (lot != null && (lot.ValidPoints ?? 0) > 0)
                    {
                        if (lot.PointsBalance == null && lot.CreatedOnUtc > now)
                        {
                            pending.Add(lot.Id);
                            points = lot.ValidPoints ?? 0;
                        }
                        else
                        {
                            var scope = _options.BalanceStore(lot.StoreId);
                            if (!balances.TryGetValue(scope ?? 0, out var scopeBalances))
                                balances[scope ?? 0] = scopeBalances = await BalancesAsync(range.Ids, now, scope);

                            var retirement = LotRetirement.Retire([lot.ToLot(isSpecial: true)], scopeBalances.GetValueOrDefault(customerId));
                            scopeBalances[customerId] = retirement.FinalBalance;
                            planned.AddRange(GrantPlanner.PlanRetirement(customerId, lot.StoreId, retirement, now, _ => message));
                            points = retirement.TotalPoints;
                        }
                    }

                    taken[recipientId] = points;
                    revoked.Add(new RevokedPoints(customerId, lotId, points));
                }

                // Written without reading their ids back (as a grant or an expiry must): nothing refers to a revoke entry.
                if (planned.Count > 0)
                    await _writer.InsertEntriesAsync(planned);
                // Every lot but those not active yet, emptied or not: only the ones still holding points are written, and
                // a lot that holds nothing keeps its neighbours' range whole.
                var pendingIds = pending.ToHashSet();
                foreach (var lots in Batches(IdRange.Runs(recipients.Select(x => x.LotId).Where(id => !pendingIds.Contains(id)))))
                    await _writer.EmptyLotsAsync(lots);
                foreach (var lots in Batches(IdRange.Runs(pending)))
                    await _writer.EmptyPendingLotsAsync(lots);
                // Most recipients give up the same points (the grant's, unspent): that group is written by the range alone.
                var usual = taken.Values.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
                await _writer.RevokeRecipientsAsync(new RecipientRevocation(grantId, first, last, now, usual,
                    taken.Where(x => x.Value != usual).ToDictionary(x => x.Key, x => x.Value)));
                if (runner == null)
                    await _writer.AddToCountsAsync(grant.Id, revoked: recipients.Count, purged: 0);
            }

            if (runner != null && !await _writer.RecordProgressAsync(grant.Id, runner,
                    new GrantProgress(null, 0, now, now + _options.Lease, Revoked: recipients.Count)))
                throw new GrantLeaseLostException(grant.Id);
            work.Complete();
        }

        if (expired.Count > 0)
            await TellAsync(() => _observer.ExpiredAsync(expired), "publishing expired points");
        if (revoked.Count > 0)
            await TellAsync(() => _observer.RevokedAsync(grant, revoked), $"telling about revoked points of grant {grant.Id}");
        return revoked.Sum(r => r.Points);
    }

    /// <summary>
    /// Id ranges a statement at a time: one for a grant's lots as it wrote them, a few where other entries came between
    /// them, and never a statement the database would take long to plan.
    /// </summary>
    private static IEnumerable<IdRange[]> Batches(IReadOnlyList<IdRange> ranges) => ranges.Chunk(RangesPerStatement);

    /// <summary>A recipient still holding its lot (null when the lot entry is gone), as much as revoking reads of it.</summary>
    private sealed record HeldLot(int RecipientId, int CustomerId, int LotId, LedgerEntryRow? Lot);
}
