using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Daily: purges special lots that expired unused long enough ago (LoyaltySettings.PurgeAfterDays).</summary>
public class PurgeExpiredPointsTask : IScheduleTask
{
    private readonly SpecialPointsPipeline _pipeline;
    private readonly LoyaltySettings _settings;

    public PurgeExpiredPointsTask(SpecialPointsPipeline pipeline, LoyaltySettings settings)
    {
        _pipeline = pipeline;
        _settings = settings;
    }

    public async Task ExecuteAsync() => await _pipeline.PurgeAsync(_settings.PurgeAfterDays);
}
