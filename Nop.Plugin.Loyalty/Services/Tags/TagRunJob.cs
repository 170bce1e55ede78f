using Hangfire;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Factories;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>The Hangfire job of one tag run: resolved in its own service scope, it runs the step and records its progress.</summary>
public class TagRunJob
{
    private readonly IServiceProvider _serviceProvider;
    private readonly IRepository<MemberTagRun> _runRepository;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;

    public TagRunJob(IServiceProvider serviceProvider,
        IRepository<MemberTagRun> runRepository,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        ILogger logger)
    {
        _serviceProvider = serviceProvider;
        _runRepository = runRepository;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _logger = logger;
    }

    /// <summary>
    /// Runs the step from the start: both steps are idempotent (a recompute sets members to the rule's customers, tagging
    /// skips who has the tag), so a retry after a crash or a failure simply runs again. Hangfire substitutes its shutdown
    /// token for <paramref name="cancellationToken"/>.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    [Queue(LoyaltyDefaults.HangfireQueue)]
    public virtual async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await _runRepository.GetByIdAsync(runId, cache => default);
        if (run is null || run.Status == MemberTagRunStatus.Completed)
            return;

        run.StatusId = (int)MemberTagRunStatus.Running;
        run.StartedOnUtc = DateTime.UtcNow;
        run.LastError = null;
        await _runRepository.UpdateAsync(run, false);

        try
        {
            var pipeline = await TagServices.GetPipelineAsync(_serviceProvider);
            var progress = new RunProgress(run, _runRepository);
            var change = run.Kind switch
            {
                MemberTagRunKind.Recompute => await pipeline.RecomputeAsync(run.TagId, progress, cancellationToken),
                _ => await pipeline.ApplyAsync(run.TagId, SelectionOf(run), run.Kind == MemberTagRunKind.Add ? TagAction.Add : TagAction.Remove,
                    progress, cancellationToken)
            };
            run.AddedCount = change.Added;
            run.RemovedCount = change.Removed;
            run.StatusId = (int)MemberTagRunStatus.Completed;
            run.CompletedOnUtc = DateTime.UtcNow;
            await _runRepository.UpdateAsync(run, false);
        }
        catch (LoyaltyRuleException e)
        {
            // A rule broken (the tag deleted, its rule unreadable): retrying cannot help.
            await FailAsync(run, await LocalizedMessages.FormatAsync(_localizationService, e.ResourceKey, e.Arguments));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await _logger.ErrorAsync($"Loyalty: member tag run {run.Id} failed", e);
            await FailAsync(run, e.Message);
            throw;
        }
    }

    private Func<Engine.Store.StoreSources, IQueryable<int>> SelectionOf(MemberTagRun run)
    {
        var definition = SegmentJson.Parse(run.SelectionJson ?? string.Empty);
        var context = new SegmentContext(_dateTimeHelper.DefaultStoreTimeZone, run.EvaluatedAtUtc ?? run.CreatedOnUtc);
        return sources => SegmentCompiler.Compile(definition, sources, context);
    }

    private async Task FailAsync(MemberTagRun run, string error)
    {
        run.StatusId = (int)MemberTagRunStatus.Failed;
        run.LastError = error;
        run.CompletedOnUtc = DateTime.UtcNow;
        await _runRepository.UpdateAsync(run, false);
    }

    /// <summary>Writes each committed chunk's progress to the run row, synchronously: the engine reports between chunks.</summary>
    private sealed class RunProgress(MemberTagRun run, IRepository<MemberTagRun> repository) : IProgress<TagRunProgress>
    {
        public void Report(TagRunProgress value)
        {
            run.LastCustomerId = value.LastCustomerId;
            run.MaxCustomerId = value.MaxCustomerId;
            run.AddedCount = value.SoFar.Added;
            run.RemovedCount = value.SoFar.Removed;
            repository.Update(run, false);
        }
    }
}
