using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>
/// The automatic tags' batch: every few minutes, recomputes the tags not computed within the interval setting (and
/// those never computed, saved without "apply now"), set-based in chunks of customers.
/// </summary>
public class RecomputeTagsTask : IScheduleTask
{
    private readonly MemberTagPipeline _pipeline;
    private readonly LoyaltySettings _settings;

    public RecomputeTagsTask(MemberTagPipeline pipeline, LoyaltySettings settings)
    {
        _pipeline = pipeline;
        _settings = settings;
    }

    public async Task ExecuteAsync() =>
        await _pipeline.RecomputeDueAsync(TimeSpan.FromMinutes(Math.Max(1, _settings.TagRecomputeIntervalMinutes)));
}
