using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Hourly: expires every lot that is due, set-based in chunks of customers.</summary>
public class ExpirePointsTask : IScheduleTask
{
    private readonly ISpecialPointsService _specialPointsService;

    public ExpirePointsTask(ISpecialPointsService specialPointsService)
    {
        _specialPointsService = specialPointsService;
    }

    public async Task ExecuteAsync() => await _specialPointsService.ExpireDuePointsAsync();
}
