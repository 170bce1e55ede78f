using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>The engine's coupon queries over nopCommerce's repositories.</summary>
public class NopCouponData : ICouponData
{
    private readonly IRepository<Coupon> _couponRepository;
    private readonly IRepository<CouponDistribution> _distributionRepository;
    private readonly IRepository<CouponCopy> _copyRepository;
    private readonly IRepository<CouponShare> _shareRepository;
    private readonly IRepository<CouponUse> _useRepository;
    private readonly IRepository<CouponReferral> _referralRepository;
    private readonly StoreSourcesFactory _sourcesFactory;

    public NopCouponData(IRepository<Coupon> couponRepository,
        IRepository<CouponDistribution> distributionRepository,
        IRepository<CouponCopy> copyRepository,
        IRepository<CouponShare> shareRepository,
        IRepository<CouponUse> useRepository,
        IRepository<CouponReferral> referralRepository,
        StoreSourcesFactory sourcesFactory)
    {
        _couponRepository = couponRepository;
        _distributionRepository = distributionRepository;
        _copyRepository = copyRepository;
        _shareRepository = shareRepository;
        _useRepository = useRepository;
        _referralRepository = referralRepository;
        _sourcesFactory = sourcesFactory;
    }

    public IQueryable<CouponRow> Coupons => _couponRepository.Table.Select(c => new CouponRow
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

    public IQueryable<DistributionRow> Distributions => _distributionRepository.Table.Select(d => new DistributionRow
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

    public IQueryable<CopyRow> Copies => _copyRepository.Table.Select(c => new CopyRow
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

    public IQueryable<ShareRow> Shares => _shareRepository.Table.Select(s => new ShareRow
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

    public IQueryable<UseRow> Uses => _useRepository.Table.Select(u => new UseRow
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

    public IQueryable<ReferralRow> Referrals => _referralRepository.Table.Select(r => new ReferralRow
    {
        Id = r.Id,
        ReferredCustomerId = r.ReferredCustomerId,
        SharerCustomerId = r.SharerCustomerId,
        ShareId = r.ShareId,
        CreditedOnUtc = r.CreditedOnUtc
    });

    public Task<StoreSources> GetSourcesAsync() => _sourcesFactory.GetSourcesAsync();

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.CountAsync(query, cancellationToken);
}
