using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Daily: purges special lots that expired unused long enough ago (LoyaltySettings.PurgeAfterDays).</summary>
public class PurgeExpiredPointsTask : IScheduleTask
{
    private readonly ISpecialPointsService _specialPointsService;

    public PurgeExpiredPointsTask(ISpecialPointsService specialPointsService)
    {
        _specialPointsService = specialPointsService;
    }

    public async Task ExecuteAsync() => await _specialPointsService.PurgeExpiredUnusedAsync();
}
