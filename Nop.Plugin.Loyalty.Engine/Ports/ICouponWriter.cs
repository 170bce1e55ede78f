using Nop.Plugin.Loyalty.Engine.Coupons;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>Every write the coupon steps make: bulk inserts and conditional updates, a few statements per chunk.</summary>
public interface ICouponWriter
{
    /// <summary>Starts a unit of work (see <see cref="ILoyaltyWriter.Begin"/>): nothing is kept unless it is completed.</summary>
    ILoyaltyUnitOfWork Begin();

    /// <summary>Stores a coupon and returns its id.</summary>
    Task<int> InsertCouponAsync(CouponRow coupon);

    /// <summary>Stores a distribution and returns its id.</summary>
    Task<int> InsertDistributionAsync(DistributionRow distribution);

    /// <summary>
    /// Takes the distribution for <paramref name="runner"/> when its status is one of <paramref name="from"/> and no other
    /// runner's lease is current, setting <paramref name="to"/>. One conditional UPDATE, so two processes never both take it.
    /// </summary>
    Task<bool> TryTakeDistributionAsync(int distributionId, string runner, IReadOnlyCollection<DistributionStatus> from,
        DistributionStatus to, DateTime nowUtc, DateTime leaseUntilUtc);

    /// <summary>
    /// Records a chunk while <paramref name="runner"/> still holds the distribution: the issued count grows by an SQL
    /// increment, the checkpoint moves, the lease is renewed. False when the lease was lost.
    /// </summary>
    Task<bool> RecordDistributionProgressAsync(int distributionId, string runner, int lastCustomerId, int issued,
        DateTime nowUtc, DateTime leaseUntilUtc);

    /// <summary>Leaves the distribution in <paramref name="status"/> and frees it, if <paramref name="runner"/> still holds it.</summary>
    Task ReleaseDistributionAsync(int distributionId, string runner, DistributionStatus status, string? error, DateTime nowUtc,
        DateTime? completedOnUtc = null);

    /// <summary>
    /// Inserts a chunk's copies in one bulk statement. The unique index on (OriginId, SourceId, CustomerId) makes a
    /// concurrent duplicate fail, undoing its unit of work.
    /// </summary>
    Task InsertCopiesAsync(IReadOnlyList<CopyRow> copies);

    /// <summary>
    /// Inserts one copy and returns its id, or null when the customer already holds a copy from the same source (the
    /// unique index refused it): the one statement that decides a race of claims. Never called inside a unit of work.
    /// </summary>
    Task<int?> TryInsertCopyAsync(CopyRow copy);

    /// <summary>Inserts one copy and returns its id (a source no one else can write: a new email share).</summary>
    Task<int> InsertCopyAsync(CopyRow copy);

    /// <summary>Stores a share and returns its id.</summary>
    Task<int> InsertShareAsync(ShareRow share);

    /// <summary>Inserts a referral; false when the referred customer already has one (unique index).</summary>
    Task<bool> TryInsertReferralAsync(ReferralRow referral);

    /// <summary>
    /// Takes one use of a copy: UsesLeft = UsesLeft - 1 WHERE Id = the copy AND UsesLeft &gt; 0 AND it is valid now, one
    /// conditional UPDATE. True when it changed the row; false when the copy had no use left (another request took the
    /// last) or is not valid now. The database's row lock serializes racing updates, so UsesLeft never goes below zero.
    /// </summary>
    Task<bool> TryTakeUseAsync(int copyId, DateTime nowUtc);

    /// <summary>Records a use and returns its id.</summary>
    Task<int> InsertUseAsync(UseRow use);

    /// <summary>
    /// Gives a use back to its copy: UsesLeft + 1 WHERE the copy is still valid now and below its total, and LastUsedOnUtc
    /// set to <paramref name="lastUseBeforeUtc"/> where it still is <paramref name="returnedUseOnUtc"/> (a later use keeps
    /// its own). True when it gave the use back.
    /// </summary>
    Task<bool> TryGiveBackUseAsync(int copyId, DateTime nowUtc, DateTime returnedUseOnUtc, DateTime? lastUseBeforeUtc);

    /// <summary>Marks a use returned (ReturnedOnUtc set) unless it already is; true when this call marked it.</summary>
    Task<bool> TryMarkReturnedAsync(int useId, DateTime nowUtc);

    /// <summary>Sets a copy's first viewed time when it has none yet.</summary>
    Task MarkViewedAsync(int copyId, int customerId, DateTime nowUtc);
}
