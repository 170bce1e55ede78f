using System.Diagnostics;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>
/// Every minute until done: copies the next chunks of orders into the purchase table. Once the table is complete,
/// each run only reads the setting that says so.
/// </summary>
public class FillPurchaseLinesTask : IScheduleTask
{
    private readonly PurchaseLineSync _purchaseLineSync;

    public FillPurchaseLinesTask(PurchaseLineSync purchaseLineSync)
    {
        _purchaseLineSync = purchaseLineSync;
    }

    public async Task ExecuteAsync()
    {
        var watch = Stopwatch.StartNew();
        for (var chunk = 0; chunk < LoyaltyDefaults.PurchaseLineFillChunksPerRun && watch.Elapsed < LoyaltyDefaults.PurchaseLineFillRunBudget; chunk++)
            if (await _purchaseLineSync.FillNextRangeAsync())
                return;
    }
}
