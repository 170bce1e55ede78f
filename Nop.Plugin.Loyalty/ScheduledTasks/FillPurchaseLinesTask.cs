using System.Diagnostics;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>
/// Every minute: until the purchase table is complete, copies the next ranges of orders for up to 40 seconds; then
/// checks the next ranges against the store and repairs those written without nopCommerce's events (imports, ERP
/// sync, SQL).
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
        while (watch.Elapsed < LoyaltyDefaults.PurchaseLineFillRunBudget)
        {
            if (await _purchaseLineSync.FillNextRangeAsync())
                break;
        }

        if (watch.Elapsed < LoyaltyDefaults.PurchaseLineFillRunBudget)
            await _purchaseLineSync.VerifyNextRangesAsync();
    }
}
