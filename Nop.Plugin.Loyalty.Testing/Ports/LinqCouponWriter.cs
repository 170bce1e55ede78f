using System.Data;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>The engine's coupon writes over a linq2db connection: bulk copies and one conditional UPDATE per statement.</summary>
public sealed class LinqCouponWriter(DataConnection db) : ICouponWriter
{
    private static readonly BulkCopyOptions Bulk = new() { BulkCopyType = BulkCopyType.ProviderSpecific };

    private readonly LinqLoyaltyWriter _units = new(db);

    private ITable<LoyaltyCouponDistribution> Distributions => db.GetTable<LoyaltyCouponDistribution>();

    private ITable<LoyaltyCouponCopy> Copies => db.GetTable<LoyaltyCouponCopy>();

    public ILoyaltyUnitOfWork Begin() => _units.Begin();

    public Task<int> InsertCouponAsync(CouponRow coupon) =>
        db.InsertWithInt32IdentityAsync(new LoyaltyCoupon
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
        });

    public Task<int> InsertDistributionAsync(DistributionRow d) =>
        db.InsertWithInt32IdentityAsync(new LoyaltyCouponDistribution
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
        });

    public async Task<bool> TryTakeDistributionAsync(int distributionId, string runner, IReadOnlyCollection<DistributionStatus> from,
        DistributionStatus to, DateTime nowUtc, DateTime leaseUntilUtc)
    {
        var statuses = from.Select(s => (int)s).ToArray();
        var now = ColumnTime.Of(nowUtc);
        return await Distributions
            .Where(d => d.Id == distributionId && statuses.Contains(d.StatusId)
                        && (d.Runner == null || d.Runner == runner || d.LeaseUntilUtc == null || d.LeaseUntilUtc <= now))
            .Set(d => d.StatusId, (int)to)
            .Set(d => d.Runner, runner)
            .Set(d => d.LeaseUntilUtc, leaseUntilUtc)
            .Set(d => d.StartedOnUtc, d => d.StartedOnUtc ?? now)
            .Set(d => d.LastProgressOnUtc, nowUtc)
            .Set(d => d.LastError, (string?)null)
            .UpdateAsync() == 1;
    }

    public async Task<bool> RecordDistributionProgressAsync(int distributionId, string runner, int lastCustomerId, int issued,
        DateTime nowUtc, DateTime leaseUntilUtc) =>
        await Distributions
            .Where(d => d.Id == distributionId && d.Runner == runner)
            .Set(d => d.LastCustomerId, lastCustomerId)
            .Set(d => d.IssuedCount, d => d.IssuedCount + issued)
            .Set(d => d.LastProgressOnUtc, nowUtc)
            .Set(d => d.LeaseUntilUtc, leaseUntilUtc)
            .UpdateAsync() == 1;

    public async Task ReleaseDistributionAsync(int distributionId, string runner, DistributionStatus status, string? error, DateTime nowUtc,
        DateTime? completedOnUtc = null) =>
        await Distributions
            .Where(d => d.Id == distributionId && d.Runner == runner)
            .Set(d => d.StatusId, (int)status)
            .Set(d => d.Runner, (string?)null)
            .Set(d => d.LeaseUntilUtc, (DateTime?)null)
            .Set(d => d.LastError, error)
            .Set(d => d.CompletedOnUtc, d => completedOnUtc ?? d.CompletedOnUtc)
            .Set(d => d.LastProgressOnUtc, nowUtc)
            .UpdateAsync();

    /// <summary>A bulk copy, run synchronously (see <see cref="LinqLoyaltyWriter"/>: linq2db's async COPY awaits every row).</summary>
    public Task InsertCopiesAsync(IReadOnlyList<CopyRow> copies)
    {
        db.BulkCopy(Bulk, copies.Select(Entity));
        return Task.CompletedTask;
    }

    public async Task<int?> TryInsertCopyAsync(CopyRow copy)
    {
        try
        {
            return await db.InsertWithInt32IdentityAsync(Entity(copy));
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            return null;
        }
    }

    public Task<int> InsertCopyAsync(CopyRow copy) => db.InsertWithInt32IdentityAsync(Entity(copy));

    public Task<int> InsertShareAsync(ShareRow share) =>
        db.InsertWithInt32IdentityAsync(new LoyaltyCouponShare
        {
            CouponId = share.CouponId,
            CopyId = share.CopyId,
            SharerCustomerId = share.SharerCustomerId,
            Token = share.Token,
            ChannelId = share.ChannelId,
            RecipientCustomerId = share.RecipientCustomerId,
            SharedOnUtc = share.SharedOnUtc,
            ExpiresOnUtc = share.ExpiresOnUtc
        });

    public async Task<bool> TryInsertReferralAsync(ReferralRow referral)
    {
        try
        {
            await db.InsertAsync(new LoyaltyCouponReferral
            {
                ReferredCustomerId = referral.ReferredCustomerId,
                SharerCustomerId = referral.SharerCustomerId,
                ShareId = referral.ShareId,
                CreditedOnUtc = referral.CreditedOnUtc
            });
            return true;
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> TryTakeUseAsync(int copyId, DateTime nowUtc)
    {
        var now = ColumnTime.Of(nowUtc);
        return await Copies
            .Where(c => c.Id == copyId && c.UsesLeft > 0 && c.ValidFromUtc <= now && c.ValidUntilUtc > now)
            .Set(c => c.UsesLeft, c => c.UsesLeft - 1)
            .Set(c => c.LastUsedOnUtc, now)
            .UpdateAsync() == 1;
    }

    public Task<int> InsertUseAsync(UseRow use) =>
        db.InsertWithInt32IdentityAsync(new LoyaltyCouponUse
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
        });

    public async Task<bool> TryGiveBackUseAsync(int copyId, DateTime nowUtc, DateTime returnedUseOnUtc, DateTime? lastUseBeforeUtc)
    {
        var (now, returned, before) = (ColumnTime.Of(nowUtc), ColumnTime.Of(returnedUseOnUtc), ColumnTime.Of(lastUseBeforeUtc));
        return await Copies
            .Where(c => c.Id == copyId && c.UsesLeft < c.UsesTotal && c.ValidUntilUtc > now)
            .Set(c => c.UsesLeft, c => c.UsesLeft + 1)
            .Set(c => c.LastUsedOnUtc, c => c.LastUsedOnUtc == returned ? before : c.LastUsedOnUtc)
            .UpdateAsync() == 1;
    }

    public async Task<bool> TryMarkReturnedAsync(int useId, DateTime nowUtc) =>
        await db.GetTable<LoyaltyCouponUse>()
            .Where(u => u.Id == useId && u.ReturnedOnUtc == null)
            .Set(u => u.ReturnedOnUtc, ColumnTime.Of(nowUtc))
            .UpdateAsync() == 1;

    public async Task MarkViewedAsync(int copyId, int customerId, DateTime nowUtc) =>
        await Copies
            .Where(c => c.Id == copyId && c.CustomerId == customerId && c.FirstViewedOnUtc == null)
            .Set(c => c.FirstViewedOnUtc, ColumnTime.Of(nowUtc))
            .UpdateAsync();

    private static LoyaltyCouponCopy Entity(CopyRow c) => new()
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

    /// <summary>A unique index refused the row, on any of the three databases.</summary>
    private static bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        MySqlException my => my.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => false
    };
}
