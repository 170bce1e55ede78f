using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Hourly: expires every lot that is due, set-based in chunks of customers.</summary>
public class ExpirePointsTask : IScheduleTask
{
    private readonly SpecialPointsPipeline _pipeline;

    public ExpirePointsTask(SpecialPointsPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    public async Task ExecuteAsync() => await _pipeline.ExpireDueAsync();
}
