using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>The special points wizard over the engine: targets built from drafts, counted, valued, queued.</summary>
public class GrantWizardService : IGrantWizardService
{
    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly IGrantRunQueue _grantRunQueue;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IRepository<SpecialGrant> _grantRepository;
    private readonly IStoreContext _storeContext;
    private readonly GrantTargetFactory _targetFactory;
    private readonly RewardPointsSettings _rewardPointsSettings;
    private readonly SpecialPointsPipeline _pipeline;
    private readonly StoreSourcesFactory _sourcesFactory;
    private readonly TargetDescriber _targetDescriber;
    private readonly UploadedListService _uploadedListService;

    public GrantWizardService(CurrencySettings currencySettings,
        ICurrencyService currencyService,
        IGrantRunQueue grantRunQueue,
        IOrderTotalCalculationService orderTotalCalculationService,
        IPriceFormatter priceFormatter,
        IRepository<SpecialGrant> grantRepository,
        IStoreContext storeContext,
        GrantTargetFactory targetFactory,
        RewardPointsSettings rewardPointsSettings,
        SpecialPointsPipeline pipeline,
        StoreSourcesFactory sourcesFactory,
        TargetDescriber targetDescriber,
        UploadedListService uploadedListService)
    {
        _uploadedListService = uploadedListService;
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _grantRunQueue = grantRunQueue;
        _orderTotalCalculationService = orderTotalCalculationService;
        _priceFormatter = priceFormatter;
        _grantRepository = grantRepository;
        _storeContext = storeContext;
        _targetFactory = targetFactory;
        _rewardPointsSettings = rewardPointsSettings;
        _pipeline = pipeline;
        _sourcesFactory = sourcesFactory;
        _targetDescriber = targetDescriber;
    }

    public virtual async Task<GrantPreview> PreviewTargetAsync(GrantDraft draft) => (await PreviewTargetCoreAsync(draft)).Preview;

    public virtual async Task<GrantPreview> PreviewAsync(GrantDraft draft) => (await EvaluateAsync(draft)).Preview;

    public virtual async Task<SpecialGrant> CreateGrantAsync(GrantDraft draft, int createdByCustomerId)
    {
        var (preview, target) = await EvaluateAsync(draft);
        if (preview.Errors.FirstOrDefault() is { } error)
            throw new LoyaltyRuleException(error.ResourceKey, error.Arguments);

        var grantId = await _pipeline.QueueGrantAsync(new GrantRow
        {
            Name = draft.Name,
            Points = draft.Points,
            ExpiresOnUtc = draft.ExpiresOnUtc!.Value,
            ActivatesOnUtc = draft.ActivatesOnUtc,
            StoreId = draft.StoreId > 0 ? draft.StoreId : (await _storeContext.GetCurrentStoreAsync()).Id,
            TargetJson = GrantTargetJson.Serialize(target),
            PlannedRecipientCount = preview.RecipientCount,
            NotifyCustomers = draft.NotifyCustomers,
            CreatedByCustomerId = createdByCustomerId
        });
        await _grantRunQueue.EnqueueAsync(grantId);

        //the grant keeps the ids and emails it targets; the list it was read from holds personal data no longer needed
        await _uploadedListService.DeleteAsync(draft.CustomerListToken);

        return await _grantRepository.GetByIdAsync(grantId);
    }

    /// <summary>Everything the confirm step shows, and the target it was computed for.</summary>
    protected virtual async Task<(GrantPreview Preview, GrantTarget Target)> EvaluateAsync(GrantDraft draft)
    {
        var (preview, target) = await PreviewTargetCoreAsync(draft);
        foreach (var error in _pipeline.CheckTerms(new GrantTerms(draft.Name, draft.Points, draft.ExpiresOnUtc, draft.ActivatesOnUtc)))
            preview.Errors.Add(error);

        var points = Math.Max(draft.Points, 0);
        preview.TotalPoints = (long)preview.RecipientCount * points;
        preview.TotalValue = preview.RecipientCount * await GetPointsValueAsync(points);
        var primaryCurrency = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        preview.TotalValueFormatted = primaryCurrency == null
            ? preview.TotalValue.ToString("N2")
            : await _priceFormatter.FormatPriceAsync(preview.TotalValue, true, primaryCurrency);
        return (preview, target);
    }

    private async Task<(GrantPreview Preview, GrantTarget Target)> PreviewTargetCoreAsync(GrantDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);

        var preview = new GrantPreview();
        var (target, list, targetErrors) = await _targetFactory.BuildAsync(draft);
        foreach (var error in targetErrors)
            preview.Errors.Add(error);
        foreach (var rejected in list?.Rejected ?? [])
            preview.RejectedRows.Add(rejected);
        if (target == null)
            return (preview, null);

        var sources = await _sourcesFactory.GetSourcesAsync();
        preview.RecipientCount = await target.Compile(sources).CountAsync();
        if (list != null && target is CustomerListTarget listTarget)
        {
            var matched = await listTarget.Matching(sources).Select(c => new { c.Id, c.Email }).ToListAsync();
            foreach (var row in list.Unmatched(matched.Select(m => m.Id), matched.Select(m => m.Email)))
                preview.RejectedRows.Add(row);
        }

        if (preview.RecipientCount == 0)
            preview.Errors.Add(new ValidationError("Target", ResourceKeys.TargetEmpty));
        preview.TargetDescription = await _targetDescriber.DescribeAsync(target);
        return (preview, target);
    }

    /// <summary>The value of <paramref name="points"/> in the primary store currency.</summary>
    protected virtual async Task<decimal> GetPointsValueAsync(int points)
    {
        if (points <= 0)
            return 0;
        var value = await _orderTotalCalculationService.ConvertRewardPointsToAmountAsync(points);
        return value > 0 ? value : points * _rewardPointsSettings.ExchangeRate;
    }
}
