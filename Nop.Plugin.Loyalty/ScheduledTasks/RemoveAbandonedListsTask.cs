using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Hourly: removes the grant wizard's customer lists that no grant was created from (LoyaltyDefaults.UploadedListLifetime).</summary>
public class RemoveAbandonedListsTask : IScheduleTask
{
    private readonly UploadedListService _uploadedListService;

    public RemoveAbandonedListsTask(UploadedListService uploadedListService)
    {
        _uploadedListService = uploadedListService;
    }

    public async Task ExecuteAsync() => await _uploadedListService.DeleteAbandonedAsync();
}
