using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Engine.Points;

public sealed partial class SpecialPointsPipeline
{
    private static readonly GrantStatus[] Runnable = [GrantStatus.Queued, GrantStatus.Running, GrantStatus.Failed];

    /// <summary>Every broken rule of a grant's terms now (the wizard shows them before anything is stored).</summary>
    public IReadOnlyList<Validation.ValidationError> CheckTerms(GrantTerms terms) => GrantValidator.Validate(terms, Now());

    /// <summary>
    /// Stores a grant, queued to run. Its terms are checked again here, whoever calls; the caller has counted and
    /// described its target. Returns the new grant's id.
    /// </summary>
    public async Task<int> QueueGrantAsync(GrantRow grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = Now();
        if (CheckTerms(TermsOf(grant)).FirstOrDefault() is { } error)
            throw new LoyaltyRuleException(error.ResourceKey, error.Arguments);
        GrantTargetJson.Deserialize(grant.TargetJson);

        grant.Name = grant.Name.Trim();
        grant.StatusId = (int)GrantStatus.Queued;
        grant.CreatedOnUtc = now;
        grant.LastCustomerId = 0;
        grant.GrantedCount = grant.RevokedCount = grant.PurgedCount = 0;
        grant.Runner = null;
        grant.LeaseUntilUtc = null;
        return await _writer.InsertGrantAsync(grant);
    }

    /// <summary>
    /// Runs whatever the grant has in hand: its grant run (queued, interrupted or failed) or its revoke-all. Only one
    /// runner at a time holds a grant, across processes; a second one returns <see cref="GrantRunOutcome.Busy"/>.
    /// </summary>
    public async Task<GrantRunOutcome> RunAsync(int grantId, CancellationToken cancellationToken = default)
    {
        var grant = await FindGrantAsync(grantId);
        if (grant == null)
            return GrantRunOutcome.NothingToDo;

        return grant.Status switch
        {
            GrantStatus.Queued or GrantStatus.Running or GrantStatus.Failed => await RunGrantAsync(grant, cancellationToken),
            GrantStatus.Revoking => await RunRevokeAllAsync(grant, cancellationToken),
            _ => GrantRunOutcome.NothingToDo
        };
    }

    /// <summary>Grants that should be running but have no live runner (a crash, a restart): their ids, to run again.</summary>
    public async Task<IReadOnlyList<int>> FindStalledGrantsAsync()
    {
        var now = ColumnTime.Of(Now());
        var queued = (int)GrantStatus.Queued;
        var running = (int)GrantStatus.Running;
        var revoking = (int)GrantStatus.Revoking;
        return await _data.ToListAsync(_data.Grants
            .Where(g => (g.StatusId == queued || g.StatusId == running || g.StatusId == revoking)
                        && (g.LeaseUntilUtc == null || g.LeaseUntilUtc <= now))
            .Select(g => g.Id));
    }

    private static GrantTerms TermsOf(GrantRow grant) => new(grant.Name, grant.Points, grant.ExpiresOnUtc, grant.ActivatesOnUtc);

    /// <summary>A name for this runner that no other process shares (at most 100 characters, the column's size).</summary>
    private static string NewRunner()
    {
        var runner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return runner.Length <= 100 ? runner : runner[^100..];
    }

    private async Task<GrantRunOutcome> RunGrantAsync(GrantRow grant, CancellationToken cancellationToken)
    {
        var runner = NewRunner();
        var now = Now();
        if (!await _writer.TryTakeGrantAsync(grant.Id, runner, Runnable, GrantStatus.Running, now, now + _options.Lease))
            return GrantRunOutcome.Busy;

        try
        {
            // Read again once held: the checkpoint is the last holder's.
            grant = await FindGrantAsync(grant.Id) ?? grant;
            var terms = TermsOf(grant);
            var targeted = GrantTargetJson.Deserialize(grant.TargetJson).Compile(await _data.GetSourcesAsync());
            var last = grant.LastCustomerId;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var after = last;
                var chunk = await _data.ToListAsync(targeted.Where(id => id > after).OrderBy(id => id).Take(_options.Chunk), cancellationToken);
                if (chunk.Count == 0)
                    break;

                var granted = await GrantChunkAsync(grant, runner, terms, chunk);
                last = chunk[^1];
                if (granted.Count > 0)
                    await TellAsync(() => _observer.GrantedAsync(grant, granted), $"telling about grant {grant.Id}");
            }

            var completedOn = Now();
            await _writer.ReleaseGrantAsync(grant.Id, runner, GrantStatus.Completed, null, completedOn, completedOn);
            return GrantRunOutcome.Completed;
        }
        catch (GrantLeaseLostException)
        {
            return GrantRunOutcome.LeaseLost;
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the grant stays Running, free for the next runner.
            await _writer.ReleaseGrantAsync(grant.Id, runner, GrantStatus.Running, null, Now());
            throw;
        }
        catch (Exception e)
        {
            await _writer.ReleaseGrantAsync(grant.Id, runner, GrantStatus.Failed, e.Message, Now());
            throw;
        }
    }

    /// <summary>
    /// One chunk in one unit of work: lock the customers, settle their ledgers, skip those already granted (a resumed
    /// run), plan running balances, write entries and recipients, move the checkpoint. Returns the customers granted.
    /// </summary>
    private async Task<IReadOnlyList<int>> GrantChunkAsync(GrantRow grant, string runner, GrantTerms terms, IReadOnlyList<int> chunk)
    {
        var range = CustomerRange.Spanning(chunk);
        IReadOnlyList<ExpiredLot> expired;
        List<int> todo;
        using (var work = _writer.Begin())
        {
            await _writer.LockCustomersAsync(range);
            // After the lock, as every locked write reads its time (see SpendAsync).
            var now = Now();
            expired = await SettleLockedAsync(range, now);

            var (grantId, first, lastId) = (grant.Id, range.First, range.Last);
            var already = (await _data.ToListAsync(_data.Recipients
                    .Where(r => r.GrantId == grantId && r.CustomerId >= first && r.CustomerId <= lastId)
                    .Select(r => r.CustomerId)))
                .ToHashSet();
            todo = chunk.Where(id => !already.Contains(id)).ToList();

            if (todo.Count > 0)
            {
                var balances = await BalancesAsync(todo, now, _options.BalanceStore(grant.StoreId));
                var planned = GrantPlanner.Plan(terms, grant.StoreId, todo, balances, now);
                var lotIds = await InsertEntriesAsync(planned);
                await _writer.InsertRecipientsAsync(planned.Select((p, i) => new GrantRecipientRow
                {
                    GrantId = grantId,
                    CustomerId = p.CustomerId,
                    LedgerEntryId = lotIds[i]
                }).ToList());
            }

            if (!await _writer.RecordProgressAsync(grant.Id, runner, new GrantProgress(chunk[^1], todo.Count, now, now + _options.Lease)))
                throw new GrantLeaseLostException(grant.Id);
            work.Complete();
        }

        if (expired.Count > 0)
            await TellAsync(() => _observer.ExpiredAsync(expired), "publishing expired points");
        return todo;
    }
}
