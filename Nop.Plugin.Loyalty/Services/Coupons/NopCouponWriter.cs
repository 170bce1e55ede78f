using LinqToDB;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// The engine's coupon writes over nopCommerce's data provider: bulk inserts of copies, and conditional UPDATEs whose
/// affected rows tell whether they won (a use, a lease, a return), so racing requests never both succeed.
/// </summary>
public class NopCouponWriter : ICouponWriter
{
    private readonly INopDataProvider _dataProvider;
    private readonly IRepository<Coupon> _couponRepository;
    private readonly IRepository<CouponDistribution> _distributionRepository;
    private readonly IRepository<CouponCopy> _copyRepository;
    private readonly IRepository<CouponShare> _shareRepository;
    private readonly IRepository<CouponUse> _useRepository;
    private readonly IRepository<CouponReferral> _referralRepository;

    public NopCouponWriter(INopDataProvider dataProvider,
        IRepository<Coupon> couponRepository,
        IRepository<CouponDistribution> distributionRepository,
        IRepository<CouponCopy> copyRepository,
        IRepository<CouponShare> shareRepository,
        IRepository<CouponUse> useRepository,
        IRepository<CouponReferral> referralRepository)
    {
        _dataProvider = dataProvider;
        _couponRepository = couponRepository;
        _distributionRepository = distributionRepository;
        _copyRepository = copyRepository;
        _shareRepository = shareRepository;
        _useRepository = useRepository;
        _referralRepository = referralRepository;
    }

    public ILoyaltyUnitOfWork Begin() => new ScopeUnitOfWork(LoyaltyTransaction.Begin());

    public async Task<int> InsertCouponAsync(CouponRow coupon)
    {
        var entity = new Coupon
        {
            Title = coupon.Title,
            BenefitText = coupon.BenefitText,
            PictureId = coupon.PictureId,
            UsageGuideHtml = coupon.UsageGuideHtml,
            ValidFromUtc = coupon.ValidFromUtc,
            ValidUntilUtc = coupon.ValidUntilUtc,
            ValidDays = coupon.ValidDays,
            Uses = coupon.Uses,
            SharingModeId = coupon.SharingModeId,
            UsedUpShareable = coupon.UsedUpShareable,
            DiscountId = coupon.DiscountId,
            Code = coupon.Code,
            ShowCode = coupon.ShowCode,
            DisplayOrder = coupon.DisplayOrder,
            Deleted = coupon.Deleted,
            CreatedOnUtc = coupon.CreatedOnUtc
        };
        await _couponRepository.InsertAsync(entity, false);
        return entity.Id;
    }

    public async Task<int> InsertDistributionAsync(DistributionRow d)
    {
        var entity = new CouponDistribution
        {
            CouponId = d.CouponId,
            TargetJson = d.TargetJson,
            StoreId = d.StoreId,
            StatusId = d.StatusId,
            PlannedCount = d.PlannedCount,
            NotifyCustomers = d.NotifyCustomers,
            NewsletterOnly = d.NewsletterOnly,
            CreatedByCustomerId = d.CreatedByCustomerId,
            CreatedOnUtc = d.CreatedOnUtc
        };
        await _distributionRepository.InsertAsync(entity, false);
        return entity.Id;
    }

    public async Task<bool> TryTakeDistributionAsync(int distributionId, string runner, IReadOnlyCollection<DistributionStatus> from,
        DistributionStatus to, DateTime nowUtc, DateTime leaseUntilUtc)
    {
        var statuses = from.Select(s => (int)s).ToArray();
        var now = ColumnTime.Of(nowUtc);
        return await _distributionRepository.Table
            .Where(d => d.Id == distributionId && statuses.Contains(d.StatusId)
                        && (d.Runner == null || d.Runner == runner || d.LeaseUntilUtc == null || d.LeaseUntilUtc <= now))
            .Set(d => d.StatusId, (int)to)
            .Set(d => d.Runner, runner)
            .Set(d => d.LeaseUntilUtc, (DateTime?)ColumnTime.Of(leaseUntilUtc))
            .Set(d => d.StartedOnUtc, d => d.StartedOnUtc ?? now)
            .Set(d => d.LastProgressOnUtc, (DateTime?)now)
            .Set(d => d.LastError, (string)null)
            .UpdateAsync() == 1;
    }

    public async Task<bool> RecordDistributionProgressAsync(int distributionId, string runner, int lastCustomerId, int issued,
        DateTime nowUtc, DateTime leaseUntilUtc) =>
        await _distributionRepository.Table
            .Where(d => d.Id == distributionId && d.Runner == runner)
            .Set(d => d.LastCustomerId, lastCustomerId)
            .Set(d => d.IssuedCount, d => d.IssuedCount + issued)
            .Set(d => d.LastProgressOnUtc, (DateTime?)ColumnTime.Of(nowUtc))
            .Set(d => d.LeaseUntilUtc, (DateTime?)ColumnTime.Of(leaseUntilUtc))
            .UpdateAsync() == 1;

    public async Task ReleaseDistributionAsync(int distributionId, string runner, DistributionStatus status, string error, DateTime nowUtc,
        DateTime? completedOnUtc = null)
    {
        var completed = completedOnUtc is { } at ? ColumnTime.Of(at) : (DateTime?)null;
        await _distributionRepository.Table
            .Where(d => d.Id == distributionId && d.Runner == runner)
            .Set(d => d.StatusId, (int)status)
            .Set(d => d.Runner, (string)null)
            .Set(d => d.LeaseUntilUtc, (DateTime?)null)
            .Set(d => d.LastError, error)
            .Set(d => d.CompletedOnUtc, d => completed ?? d.CompletedOnUtc)
            .Set(d => d.LastProgressOnUtc, (DateTime?)ColumnTime.Of(nowUtc))
            .UpdateAsync();
    }

    public async Task InsertCopiesAsync(IReadOnlyList<CopyRow> copies)
    {
        if (copies.Count > 0)
            await _dataProvider.BulkInsertEntitiesAsync(copies.Select(Entity).ToList());
    }

    public async Task<int?> TryInsertCopyAsync(CopyRow copy)
    {
        try
        {
            return await InsertCopyAsync(copy);
        }
        catch (Exception e) when (DuplicateKey.Is(e))
        {
            return null;
        }
    }

    public async Task<int> InsertCopyAsync(CopyRow copy)
    {
        var entity = Entity(copy);
        await _copyRepository.InsertAsync(entity, false);
        return entity.Id;
    }

    public async Task<int> InsertShareAsync(ShareRow share)
    {
        var entity = new CouponShare
        {
            CouponId = share.CouponId,
            CopyId = share.CopyId,
            SharerCustomerId = share.SharerCustomerId,
            Token = share.Token,
            ChannelId = share.ChannelId,
            RecipientCustomerId = share.RecipientCustomerId,
            SharedOnUtc = share.SharedOnUtc,
            ExpiresOnUtc = share.ExpiresOnUtc
        };
        await _shareRepository.InsertAsync(entity, false);
        return entity.Id;
    }

    public async Task<bool> TryInsertReferralAsync(ReferralRow referral)
    {
        try
        {
            await _referralRepository.InsertAsync(new CouponReferral
            {
                ReferredCustomerId = referral.ReferredCustomerId,
                SharerCustomerId = referral.SharerCustomerId,
                ShareId = referral.ShareId,
                CreditedOnUtc = referral.CreditedOnUtc
            }, false);
            return true;
        }
        catch (Exception e) when (DuplicateKey.Is(e))
        {
            return false;
        }
    }

    public async Task<bool> TryTakeUseAsync(int copyId, DateTime nowUtc)
    {
        var now = ColumnTime.Of(nowUtc);
        return await _copyRepository.Table
            .Where(c => c.Id == copyId && c.UsesLeft > 0 && c.ValidFromUtc <= now && c.ValidUntilUtc > now)
            .Set(c => c.UsesLeft, c => c.UsesLeft - 1)
            .Set(c => c.LastUsedOnUtc, (DateTime?)now)
            .UpdateAsync() == 1;
    }

    public async Task<int> InsertUseAsync(UseRow use)
    {
        var entity = new CouponUse
        {
            CopyId = use.CopyId,
            CouponId = use.CouponId,
            CustomerId = use.CustomerId,
            UsedOnUtc = use.UsedOnUtc,
            KindId = use.KindId,
            OrderId = use.OrderId,
            PlaceCustomerId = use.PlaceCustomerId,
            PlaceName = use.PlaceName,
            ReturnedOnUtc = use.ReturnedOnUtc
        };
        await _useRepository.InsertAsync(entity, false);
        return entity.Id;
    }

    public async Task<bool> TryGiveBackUseAsync(int copyId, DateTime nowUtc, DateTime returnedUseOnUtc, DateTime? lastUseBeforeUtc)
    {
        var (now, returned, before) = (ColumnTime.Of(nowUtc), ColumnTime.Of(returnedUseOnUtc), ColumnTime.Of(lastUseBeforeUtc));
        return await _copyRepository.Table
            .Where(c => c.Id == copyId && c.UsesLeft < c.UsesTotal && c.ValidUntilUtc > now)
            .Set(c => c.UsesLeft, c => c.UsesLeft + 1)
            .Set(c => c.LastUsedOnUtc, c => c.LastUsedOnUtc == returned ? before : c.LastUsedOnUtc)
            .UpdateAsync() == 1;
    }

    public async Task<bool> TryMarkReturnedAsync(int useId, DateTime nowUtc) =>
        await _useRepository.Table
            .Where(u => u.Id == useId && u.ReturnedOnUtc == null)
            .Set(u => u.ReturnedOnUtc, (DateTime?)ColumnTime.Of(nowUtc))
            .UpdateAsync() == 1;

    public async Task MarkViewedAsync(int copyId, int customerId, DateTime nowUtc) =>
        await _copyRepository.Table
            .Where(c => c.Id == copyId && c.CustomerId == customerId && c.FirstViewedOnUtc == null)
            .Set(c => c.FirstViewedOnUtc, (DateTime?)ColumnTime.Of(nowUtc))
            .UpdateAsync();

    private static CouponCopy Entity(CopyRow c) => new()
    {
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
    };

    private sealed class ScopeUnitOfWork(System.Transactions.TransactionScope scope) : ILoyaltyUnitOfWork
    {
        public void Complete() => scope.Complete();

        public void Dispose() => scope.Dispose();
    }
}
