using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// nopCommerce's reward point service with every ledger write going through the engine's pipeline, with the customer's
/// ledger locked: spending draws the earliest-expiring points first, expiry never takes a balance below zero, and a
/// grant chunk never interleaves with a checkout. Earning, history and balance reads are nopCommerce's own.
/// </summary>
public class LoyaltyRewardPointService : RewardPointService
{
    private readonly SpecialPointsPipeline _pipeline;

    public LoyaltyRewardPointService(IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IRepository<RewardPointsHistory> rewardPointsHistoryRepository,
        RewardPointsSettings rewardPointsSettings,
        SpecialPointsPipeline pipeline)
        : base(dateTimeHelper, localizationService, rewardPointsHistoryRepository, rewardPointsSettings)
    {
        _pipeline = pipeline;
    }

    /// <summary>Activation and expiry of the queried entries' customers, by the engine (set-based, customers locked).</summary>
    protected override Task UpdateRewardPointsBalanceAsync(IQueryable<RewardPointsHistory> query) =>
        _pipeline.SettleAsync(NopLoyaltyData.Project(query));

    /// <summary>
    /// The balance after settling, read as of now to the millisecond: nopCommerce's own read compares with the database
    /// clock, which some databases keep in whole seconds, so an entry written this second would not count yet.
    /// </summary>
    public override async Task<int> GetRewardPointsBalanceAsync(int customerId, int storeId)
    {
        await _pipeline.SettleAsync(customerId);
        return await _pipeline.BalanceAsync(customerId, storeId);
    }

    /// <summary>
    /// Negative points go through the engine: a redemption for an order beyond what is available throws a
    /// <see cref="NopException"/>; other deductions (points taken back on cancellation, an admin's correction) take what
    /// the lots hold, as nopCommerce does. Everything else is nopCommerce's, with the customer's ledger locked.
    /// </summary>
    public override async Task<int> AddRewardPointsHistoryEntryAsync(Customer customer, int points, int storeId, string message = "",
        Order usedWithOrder = null, decimal usedAmount = 0, DateTime? activatingDate = null, DateTime? endDate = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (points >= 0 || activatingDate.HasValue)
            return await _pipeline.WithCustomerLockedAsync(customer.Id,
                () => base.AddRewardPointsHistoryEntryAsync(customer, points, storeId, message, usedWithOrder, usedAmount, activatingDate, endDate));

        if (storeId == 0)
            throw new ArgumentException("Store ID should be valid");
        if (endDate.HasValue)
            throw new ArgumentException("End date is available only for positive points amount");

        try
        {
            return await _pipeline.SpendAsync(new PointsSpend(customer.Id, storeId, -points, message ?? string.Empty,
                ForOrder: usedWithOrder != null, usedAmount, usedWithOrder?.OrderGuid));
        }
        catch (LoyaltyRuleException e) when (e.ResourceKey == ResourceKeys.InsufficientPoints)
        {
            var text = await _localizationService.GetResourceAsync(e.ResourceKey);
            throw new NopException(string.IsNullOrEmpty(text) || text == e.ResourceKey
                ? $"Not enough reward points: {-points} requested, {e.Arguments[1]} available."
                : string.Format(text, e.Arguments.ToArray()));
        }
    }
}
