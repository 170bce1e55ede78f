using Hangfire;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Services.Customers;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>"Tag the recipients of this campaign": who the campaign reaches (counted before confirming), then the tagging in the background.</summary>
public class CampaignTaggingService
{
    private readonly IBackgroundJobClient _jobs;
    private readonly ICustomerService _customerService;
    private readonly ILoyaltyData _data;

    public CampaignTaggingService(IBackgroundJobClient jobs, ICustomerService customerService, ILoyaltyData data)
    {
        _jobs = jobs;
        _customerService = customerService;
        _data = data;
    }

    /// <summary>The campaign's targeting as the engine reads it.</summary>
    public virtual async Task<CampaignAudience> AudienceAsync(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var guests = await _customerService.GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.GuestsRoleName);
        return new CampaignAudience(campaign.StoreId, campaign.CustomerRoleId, campaign.NewsLetterSubscriptionTypeId, guests?.Id ?? 0);
    }

    /// <summary>How many customers the campaign reaches now.</summary>
    public virtual Task<int> CountAsync(CampaignAudience audience) => CampaignRecipients.CountAsync(_data, audience);

    /// <summary>Queues the tagging of the campaign's recipients as counted (the audience is fixed when confirmed).</summary>
    public virtual Task EnqueueAsync(int tagId, CampaignAudience audience)
    {
        _jobs.Enqueue<CampaignTaggingJob>(LoyaltyDefaults.HangfireQueue, job => job.RunAsync(tagId, audience.StoreId,
            audience.CustomerRoleId, audience.SubscriptionTypeId, audience.GuestsRoleId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>The Hangfire job: gives a tag to every customer a campaign reaches, in chunks, through the tag pipeline.</summary>
public class CampaignTaggingJob
{
    private readonly MemberTagPipeline _pipeline;

    // MemberTagPipeline is registered with the tag pipeline's ports (merged from the pipeline branch); once ITagJobs
    // exists this job may be queued through it instead, the call below staying the same.
    public CampaignTaggingJob(MemberTagPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <summary>Hangfire substitutes its shutdown token for <paramref name="cancellationToken"/>.</summary>
    [AutomaticRetry(Attempts = 3)]
    [Queue(LoyaltyDefaults.HangfireQueue)]
    public Task<TagChange> RunAsync(int tagId, int storeId, int customerRoleId, int subscriptionTypeId, int guestsRoleId,
        CancellationToken cancellationToken)
    {
        var audience = new CampaignAudience(storeId, customerRoleId, subscriptionTypeId, guestsRoleId);
        return _pipeline.ApplyAsync(tagId, sources => CampaignRecipients.CustomerIds(sources, audience), TagAction.Add,
            cancellationToken: cancellationToken);
    }
}
