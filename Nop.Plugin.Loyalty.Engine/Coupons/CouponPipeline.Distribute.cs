using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

public sealed partial class CouponPipeline
{
    private static readonly DistributionStatus[] RunnableDistributions = [DistributionStatus.Queued, DistributionStatus.Running, DistributionStatus.Failed];

    /// <summary>
    /// Stores a distribution of a coupon to a target, queued to run; the caller has counted its target for the progress
    /// bar. Refused for an unknown, withdrawn or ended coupon and an unreadable target. Returns its id.
    /// </summary>
    public async Task<int> QueueDistributionAsync(DistributionRow distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var now = Now();
        var coupon = await FindCouponAsync(distribution.CouponId);
        if (coupon == null || coupon.Deleted)
            throw Refused(CouponResourceKeys.CouponUnknown, distribution.CouponId);
        if (CouponValidity.HasEnded(coupon, now))
            throw Refused(CouponResourceKeys.CouponEnded, distribution.CouponId);
        GrantTargetJson.Deserialize(distribution.TargetJson);

        distribution.StatusId = (int)DistributionStatus.Queued;
        distribution.CreatedOnUtc = now;
        distribution.LastCustomerId = 0;
        distribution.IssuedCount = 0;
        distribution.Runner = null;
        distribution.LeaseUntilUtc = null;
        distribution.LastError = null;
        return await _writer.InsertDistributionAsync(distribution);
    }

    /// <summary>
    /// Runs a queued, interrupted or failed distribution from its checkpoint to the end. Only one runner at a time holds
    /// it, across processes; a second returns <see cref="GrantRunOutcome.Busy"/>. A resumed run issues no one twice: each
    /// chunk skips who already holds a copy from this distribution, and the unique index refuses a racing duplicate.
    /// </summary>
    public async Task<GrantRunOutcome> RunDistributionAsync(int distributionId, CancellationToken cancellationToken = default)
    {
        var distribution = await FindDistributionAsync(distributionId);
        if (distribution == null || !RunnableDistributions.Contains(distribution.Status))
            return GrantRunOutcome.NothingToDo;

        var runner = NewRunner();
        var now = Now();
        if (!await _writer.TryTakeDistributionAsync(distributionId, runner, RunnableDistributions, DistributionStatus.Running, now, now + _options.Lease))
            return GrantRunOutcome.Busy;

        try
        {
            distribution = await FindDistributionAsync(distributionId) ?? distribution;
            var coupon = await FindCouponAsync(distribution.CouponId);
            if (coupon == null || coupon.Deleted)
                throw Refused(CouponResourceKeys.CouponUnknown, distribution.CouponId);
            var targeted = GrantTargetJson.Deserialize(distribution.TargetJson).Compile(await _data.GetSourcesAsync());

            var last = distribution.LastCustomerId;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var after = last;
                var chunk = await _data.ToListAsync(targeted.Where(id => id > after).OrderBy(id => id).Take(_options.Chunk), cancellationToken);
                if (chunk.Count == 0)
                    break;

                var issued = await IssueChunkAsync(distribution, coupon, runner, chunk);
                last = chunk[^1];
                if (issued.Count > 0)
                    await TellAsync(() => _observer.IssuedAsync(distribution, issued), $"telling about distribution {distributionId}");
            }

            var completedOn = Now();
            await _writer.ReleaseDistributionAsync(distributionId, runner, DistributionStatus.Completed, null, completedOn, completedOn);
            return GrantRunOutcome.Completed;
        }
        catch (DistributionLeaseLostException)
        {
            return GrantRunOutcome.LeaseLost;
        }
        catch (OperationCanceledException)
        {
            // Shutting down: it stays Running, free for the next runner.
            await _writer.ReleaseDistributionAsync(distributionId, runner, DistributionStatus.Running, null, Now());
            throw;
        }
        catch (Exception e)
        {
            await _writer.ReleaseDistributionAsync(distributionId, runner, DistributionStatus.Failed, e.Message, Now());
            throw;
        }
    }

    /// <summary>Distributions that should be running but have no live runner (a crash, a restart): their ids, to run again.</summary>
    public async Task<IReadOnlyList<int>> FindStalledDistributionsAsync()
    {
        var now = Column(Now());
        var queued = (int)DistributionStatus.Queued;
        var running = (int)DistributionStatus.Running;
        return await _data.ToListAsync(_data.Distributions
            .Where(d => (d.StatusId == queued || d.StatusId == running) && (d.LeaseUntilUtc == null || d.LeaseUntilUtc <= now))
            .Select(d => d.Id));
    }

    private async Task<DistributionRow?> FindDistributionAsync(int distributionId) =>
        (await _data.ToListAsync(_data.Distributions.Where(d => d.Id == distributionId))).FirstOrDefault();

    /// <summary>
    /// One chunk in one unit of work: skip who already holds this distribution's copy (a resumed run), insert the others'
    /// copies in one bulk statement, move the checkpoint. Returns the customers issued.
    /// </summary>
    private async Task<IReadOnlyList<int>> IssueChunkAsync(DistributionRow distribution, CouponRow coupon, string runner, IReadOnlyList<int> chunk)
    {
        using var work = _writer.Begin();
        var now = Now();
        var (source, first, last, store) = (distribution.Id, chunk[0], chunk[^1], (int)CopyOrigin.Store);
        var already = (await _data.ToListAsync(_data.Copies
                .Where(c => c.OriginId == store && c.SourceId == source && c.CustomerId >= first && c.CustomerId <= last)
                .Select(c => c.CustomerId)))
            .ToHashSet();
        var todo = chunk.Where(id => !already.Contains(id)).ToList();

        if (todo.Count > 0)
            await _writer.InsertCopiesAsync(todo.Select(id => FreshCopy(coupon, id, CopyOrigin.Store, source, null, now)).ToList());
        if (!await _writer.RecordDistributionProgressAsync(distribution.Id, runner, last, todo.Count, now, now + _options.Lease))
            throw new DistributionLeaseLostException(distribution.Id);
        work.Complete();
        return todo;
    }

    /// <summary>A name for this runner that no other process shares (at most 100 characters, the column's size).</summary>
    private static string NewRunner()
    {
        var runner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return runner.Length <= 100 ? runner : runner[^100..];
    }

    /// <summary>Thrown inside a chunk whose runner no longer holds its distribution, so that the chunk's writes are undone.</summary>
    private sealed class DistributionLeaseLostException(int distributionId)
        : Exception($"Coupon distribution {distributionId} is held by another runner.");
}
