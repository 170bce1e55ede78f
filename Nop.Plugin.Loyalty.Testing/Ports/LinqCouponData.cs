using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>The engine's coupon queries over a linq2db connection to a nopCommerce-shaped store.</summary>
public sealed class LinqCouponData(DataConnection db) : ICouponData
{
    public IQueryable<CouponRow> Coupons => db.GetTable<LoyaltyCoupon>().Select(c => new CouponRow
    {
        Id = c.Id,
        Title = c.Title,
        BenefitText = c.BenefitText,
        PictureId = c.PictureId,
        UsageGuideHtml = c.UsageGuideHtml,
        ValidFromUtc = c.ValidFromUtc,
        ValidUntilUtc = c.ValidUntilUtc,
        ValidDays = c.ValidDays,
        Uses = c.Uses,
        SharingModeId = c.SharingModeId,
        UsedUpShareable = c.UsedUpShareable,
        DiscountId = c.DiscountId,
        Code = c.Code,
        ShowCode = c.ShowCode,
        DisplayOrder = c.DisplayOrder,
        Deleted = c.Deleted,
        CreatedOnUtc = c.CreatedOnUtc
    });

    public IQueryable<DistributionRow> Distributions => db.GetTable<LoyaltyCouponDistribution>().Select(d => new DistributionRow
    {
        Id = d.Id,
        CouponId = d.CouponId,
        TargetJson = d.TargetJson,
        StoreId = d.StoreId,
        StatusId = d.StatusId,
        PlannedCount = d.PlannedCount,
        IssuedCount = d.IssuedCount,
        LastCustomerId = d.LastCustomerId,
        NotifyCustomers = d.NotifyCustomers,
        NewsletterOnly = d.NewsletterOnly,
        LastError = d.LastError,
        CreatedByCustomerId = d.CreatedByCustomerId,
        CreatedOnUtc = d.CreatedOnUtc,
        StartedOnUtc = d.StartedOnUtc,
        CompletedOnUtc = d.CompletedOnUtc,
        LastProgressOnUtc = d.LastProgressOnUtc,
        Runner = d.Runner,
        LeaseUntilUtc = d.LeaseUntilUtc
    });

    public IQueryable<CopyRow> Copies => db.GetTable<LoyaltyCouponCopy>().Select(c => new CopyRow
    {
        Id = c.Id,
        CouponId = c.CouponId,
        CustomerId = c.CustomerId,
        OriginId = c.OriginId,
        SourceId = c.SourceId,
        SharedByCustomerId = c.SharedByCustomerId,
        ReceivedOnUtc = c.ReceivedOnUtc,
        ValidFromUtc = c.ValidFromUtc,
        ValidUntilUtc = c.ValidUntilUtc,
        UsesTotal = c.UsesTotal,
        UsesLeft = c.UsesLeft,
        FirstViewedOnUtc = c.FirstViewedOnUtc,
        LastUsedOnUtc = c.LastUsedOnUtc
    });

    public IQueryable<ShareRow> Shares => db.GetTable<LoyaltyCouponShare>().Select(s => new ShareRow
    {
        Id = s.Id,
        CouponId = s.CouponId,
        CopyId = s.CopyId,
        SharerCustomerId = s.SharerCustomerId,
        Token = s.Token,
        ChannelId = s.ChannelId,
        RecipientCustomerId = s.RecipientCustomerId,
        SharedOnUtc = s.SharedOnUtc,
        ExpiresOnUtc = s.ExpiresOnUtc
    });

    public IQueryable<UseRow> Uses => db.GetTable<LoyaltyCouponUse>().Select(u => new UseRow
    {
        Id = u.Id,
        CopyId = u.CopyId,
        CouponId = u.CouponId,
        CustomerId = u.CustomerId,
        UsedOnUtc = u.UsedOnUtc,
        KindId = u.KindId,
        OrderId = u.OrderId,
        PlaceCustomerId = u.PlaceCustomerId,
        PlaceName = u.PlaceName,
        ReturnedOnUtc = u.ReturnedOnUtc
    });

    public IQueryable<ReferralRow> Referrals => db.GetTable<LoyaltyCouponReferral>().Select(r => new ReferralRow
    {
        Id = r.Id,
        ReferredCustomerId = r.ReferredCustomerId,
        SharerCustomerId = r.SharerCustomerId,
        ShareId = r.ShareId,
        CreditedOnUtc = r.CreditedOnUtc
    });

    public Task<StoreSources> GetSourcesAsync() => Task.FromResult(NopStore.Sources(db));

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.CountAsync(query, cancellationToken);
}
