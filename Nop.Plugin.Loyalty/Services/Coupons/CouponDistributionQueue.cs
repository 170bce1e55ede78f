using Hangfire;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Runs coupon distributions in the background.</summary>
public interface ICouponDistributionQueue
{
    /// <summary>Queues a run of the distribution; a run that finds nothing left to do returns at once.</summary>
    Task EnqueueAsync(int distributionId);
}

/// <summary>Queues distribution runs as Hangfire jobs on the plugin's queue, as grant runs are.</summary>
public class HangfireCouponDistributionQueue : ICouponDistributionQueue
{
    private readonly IBackgroundJobClient _jobs;

    public HangfireCouponDistributionQueue(IBackgroundJobClient jobs)
    {
        _jobs = jobs;
    }

    public Task EnqueueAsync(int distributionId)
    {
        _jobs.Enqueue<CouponDistributionJob>(LoyaltyDefaults.HangfireQueue, job => job.RunAsync(distributionId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>The Hangfire job: resolved in its own service scope, it runs one distribution.</summary>
public class CouponDistributionJob
{
    private readonly CouponDistributionService _distributions;

    public CouponDistributionJob(CouponDistributionService distributions)
    {
        _distributions = distributions;
    }

    /// <summary>Hangfire substitutes its shutdown token for <paramref name="cancellationToken"/>.</summary>
    [AutomaticRetry(Attempts = 3)]
    [Queue(LoyaltyDefaults.HangfireQueue)]
    public Task RunAsync(int distributionId, CancellationToken cancellationToken) =>
        _distributions.RunAsync(distributionId, cancellationToken);
}
