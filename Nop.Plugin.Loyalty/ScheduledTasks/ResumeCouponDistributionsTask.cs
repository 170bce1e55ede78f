using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Loyalty.ScheduledTasks;

/// <summary>Every 5 minutes: enqueues again the coupon distributions left without a live runner by a crash or restart.</summary>
public class ResumeCouponDistributionsTask : IScheduleTask
{
    private readonly CouponDistributionService _distributions;

    public ResumeCouponDistributionsTask(CouponDistributionService distributions)
    {
        _distributions = distributions;
    }

    public async Task ExecuteAsync() => await _distributions.ResumeStalledAsync();
}
