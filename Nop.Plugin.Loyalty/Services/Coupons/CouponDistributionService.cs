using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// Sending a coupon: the target chosen as in the special points wizard (the same draft, factory and preview), counted,
/// queued to the engine's distribution run and run in the background; stalled runs are queued again.
/// </summary>
public class CouponDistributionService
{
    private readonly CouponPipeline _pipeline;
    private readonly GrantTargetFactory _targetFactory;
    private readonly ICouponDistributionQueue _queue;
    private readonly IGrantWizardService _grantWizardService;
    private readonly IRepository<Coupon> _couponRepository;
    private readonly IRepository<CouponDistribution> _distributionRepository;
    private readonly StoreSourcesFactory _sourcesFactory;
    private readonly UploadedListService _uploadedListService;

    public CouponDistributionService(CouponPipeline pipeline,
        GrantTargetFactory targetFactory,
        ICouponDistributionQueue queue,
        IGrantWizardService grantWizardService,
        IRepository<Coupon> couponRepository,
        IRepository<CouponDistribution> distributionRepository,
        StoreSourcesFactory sourcesFactory,
        UploadedListService uploadedListService)
    {
        _pipeline = pipeline;
        _targetFactory = targetFactory;
        _queue = queue;
        _grantWizardService = grantWizardService;
        _couponRepository = couponRepository;
        _distributionRepository = distributionRepository;
        _sourcesFactory = sourcesFactory;
        _uploadedListService = uploadedListService;
    }

    public virtual Task<Coupon> GetCouponAsync(int couponId) => _couponRepository.GetByIdAsync(couponId);

    public virtual Task<CouponDistribution> GetDistributionAsync(int distributionId) => _distributionRepository.GetByIdAsync(distributionId);

    /// <summary>A coupon's distributions, newest first.</summary>
    public virtual Task<IList<CouponDistribution>> GetDistributionsAsync(int couponId) =>
        _distributionRepository.GetAllAsync(query => query.Where(d => d.CouponId == couponId).OrderByDescending(d => d.Id));

    /// <summary>The wizard's target preview: recipients counted, rejected list rows, the target described.</summary>
    public virtual Task<GrantPreview> PreviewAsync(GrantDraft draft) => _grantWizardService.PreviewTargetAsync(draft);

    /// <summary>
    /// Queues the distribution of the coupon to the draft's target and starts its run. The engine refuses an unknown,
    /// withdrawn or ended coupon; an empty or unbuildable target is refused here. Returns the distribution's id.
    /// </summary>
    public virtual async Task<int> DistributeAsync(int couponId, GrantDraft draft, bool newsletterOnly, int createdByCustomerId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (target, _, errors) = await _targetFactory.BuildAsync(draft);
        if (errors.FirstOrDefault() is { } error)
            throw new LoyaltyRuleException(error.ResourceKey, error.Arguments);
        var count = await target.Compile(await _sourcesFactory.GetSourcesAsync()).CountAsync();
        if (count == 0)
            throw new LoyaltyRuleException(ResourceKeys.TargetEmpty);

        var id = await _pipeline.QueueDistributionAsync(new DistributionRow
        {
            CouponId = couponId,
            TargetJson = GrantTargetJson.Serialize(target),
            StoreId = draft.StoreId,
            PlannedCount = count,
            NotifyCustomers = draft.NotifyCustomers,
            NewsletterOnly = draft.NotifyCustomers && newsletterOnly,
            CreatedByCustomerId = createdByCustomerId
        });
        await _queue.EnqueueAsync(id);

        //the distribution keeps the ids and emails it targets; the list it was read from is personal data no longer needed
        await _uploadedListService.DeleteAsync(draft.CustomerListToken);
        return id;
    }

    /// <summary>Runs the distribution from its checkpoint (the background job).</summary>
    public virtual Task<GrantRunOutcome> RunAsync(int distributionId, CancellationToken cancellationToken = default) =>
        _pipeline.RunDistributionAsync(distributionId, cancellationToken);

    /// <summary>Queues again the distributions left without a live runner; returns how many.</summary>
    public virtual async Task<int> ResumeStalledAsync()
    {
        var stalled = await _pipeline.FindStalledDistributionsAsync();
        foreach (var id in stalled)
            await _queue.EnqueueAsync(id);
        return stalled.Count;
    }
}
