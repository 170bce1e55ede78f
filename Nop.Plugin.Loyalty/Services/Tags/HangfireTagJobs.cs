using Hangfire;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>Records each tag step as a run and queues it as a Hangfire job (the storage is chosen in PluginNopStartup).</summary>
public class HangfireTagJobs : ITagJobs
{
    private readonly IBackgroundJobClient _jobs;
    private readonly IRepository<MemberTagRun> _runRepository;
    private readonly IWorkContext _workContext;

    public HangfireTagJobs(IBackgroundJobClient jobs, IRepository<MemberTagRun> runRepository, IWorkContext workContext)
    {
        _jobs = jobs;
        _runRepository = runRepository;
        _workContext = workContext;
    }

    public Task<MemberTagRun> QueueRecomputeAsync(int tagId) =>
        QueueAsync(new MemberTagRun { TagId = tagId, KindId = (int)MemberTagRunKind.Recompute });

    public Task<MemberTagRun> QueueApplyAsync(int tagId, SegmentDefinition selection, DateTime evaluatedAtUtc, TagAction action, int plannedCount) =>
        QueueAsync(new MemberTagRun
        {
            TagId = tagId,
            KindId = (int)(action == TagAction.Add ? MemberTagRunKind.Add : MemberTagRunKind.Remove),
            SelectionJson = SegmentJson.Serialize(selection),
            EvaluatedAtUtc = evaluatedAtUtc,
            PlannedCount = plannedCount
        });

    public Task<MemberTagRun> GetRunAsync(int runId) => _runRepository.GetByIdAsync(runId, cache => default);

    public async Task<MemberTagRun> GetLatestRunAsync(int tagId) =>
        (await _runRepository.GetAllAsync(query => query.Where(r => r.TagId == tagId).OrderByDescending(r => r.Id).Take(1))).FirstOrDefault();

    /// <summary>Stores the run, then queues it (the job reads the row, so it must exist first).</summary>
    protected virtual async Task<MemberTagRun> QueueAsync(MemberTagRun run)
    {
        run.StatusId = (int)MemberTagRunStatus.Queued;
        run.CreatedOnUtc = DateTime.UtcNow;
        run.CreatedByCustomerId = (await _workContext.GetCurrentCustomerAsync())?.Id ?? 0;
        await _runRepository.InsertAsync(run, false);
        Enqueue(run.Id);
        return run;
    }

    protected virtual void Enqueue(int runId) =>
        _jobs.Enqueue<TagRunJob>(LoyaltyDefaults.HangfireQueue, job => job.RunAsync(runId, CancellationToken.None));
}
