using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Every 5 minutes: enqueues again the grant runs (and revoke-alls) left without a live runner by a crash or restart.</summary>
public class ResumeGrantsTask : IScheduleTask
{
    private readonly ISpecialGrantService _specialGrantService;

    public ResumeGrantsTask(ISpecialGrantService specialGrantService)
    {
        _specialGrantService = specialGrantService;
    }

    public async Task ExecuteAsync() => await _specialGrantService.ResumeStalledAsync();
}
