using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Every 5 minutes: re-enqueues grant runs left unfinished by a crash or restart.</summary>
public class ResumeGrantsTask : IScheduleTask
{
    private readonly ISpecialPointsService _specialPointsService;

    public ResumeGrantsTask(ISpecialPointsService specialPointsService)
    {
        _specialPointsService = specialPointsService;
    }

    public async Task ExecuteAsync() => await _specialPointsService.ResumeUnfinishedGrantsAsync();
}
