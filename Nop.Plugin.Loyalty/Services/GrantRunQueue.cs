using Hangfire;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Runs grants in the background.</summary>
public interface IGrantRunQueue
{
    /// <summary>Queues a run of the grant; a run that finds nothing left to do returns at once.</summary>
    Task EnqueueAsync(int grantId);
}

/// <summary>Queues grant runs as Hangfire jobs (the storage is chosen in PluginNopStartup).</summary>
public class HangfireGrantRunQueue : IGrantRunQueue
{
    private readonly IBackgroundJobClient _jobs;

    public HangfireGrantRunQueue(IBackgroundJobClient jobs)
    {
        _jobs = jobs;
    }

    public Task EnqueueAsync(int grantId)
    {
        _jobs.Enqueue<GrantRunJob>(LoyaltyDefaults.HangfireQueue, job => job.RunAsync(grantId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>The Hangfire job: resolved in its own service scope, it runs one grant.</summary>
public class GrantRunJob
{
    private readonly ISpecialGrantService _specialGrantService;

    public GrantRunJob(ISpecialGrantService specialGrantService)
    {
        _specialGrantService = specialGrantService;
    }

    /// <summary>Hangfire substitutes its shutdown token for <paramref name="cancellationToken"/>.</summary>
    [AutomaticRetry(Attempts = 3)]
    [Queue(LoyaltyDefaults.HangfireQueue)]
    public Task RunAsync(int grantId, CancellationToken cancellationToken) =>
        _specialGrantService.RunAsync(grantId, cancellationToken);
}
