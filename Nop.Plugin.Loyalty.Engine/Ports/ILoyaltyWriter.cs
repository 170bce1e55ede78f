using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>Every write the loyalty steps make: bulk inserts and set-based updates, a few statements per chunk.</summary>
public interface ILoyaltyWriter
{
    /// <summary>
    /// Starts a unit of work that every write until it is disposed belongs to; nothing is kept unless it is completed.
    /// A unit begun inside another joins it. Synchronous on purpose: an ambient transaction begun inside an async
    /// method would not flow back to the caller.
    /// </summary>
    ILoyaltyUnitOfWork Begin();

    /// <summary>
    /// Holds these customers' ledgers until the unit of work ends: any other unit that locks one of them waits.
    /// Every step that writes a running balance locks first, so two writers never chain from the same balance.
    /// A dense range may be locked whole (by its bounds, a shorter statement); locks are taken in ascending id order.
    /// </summary>
    Task LockCustomersAsync(CustomerRange customers);

    /// <summary>Inserts ledger entries in one bulk statement (ids are read back by the pipeline).</summary>
    Task InsertEntriesAsync(IReadOnlyList<PlannedEntry> entries);

    /// <summary>Sets what is left of each lot (ValidPoints): one statement per distinct value.</summary>
    Task SetLotsRemainingAsync(IReadOnlyDictionary<int, int> remainingByLotId);

    /// <summary>
    /// Empties the lots whose ids lie in these ranges and still hold points (ValidPoints to zero), in one statement.
    /// The ranges name lots only: every row in them is one to empty.
    /// </summary>
    Task EmptyLotsAsync(IReadOnlyCollection<IdRange> lots);

    /// <summary>
    /// Empties lots that never became active (Points and ValidPoints to zero), in one statement; the ranges name those
    /// lots only.
    /// </summary>
    Task EmptyPendingLotsAsync(IReadOnlyCollection<IdRange> lots);

    /// <summary>Writes the running balance of entries that have just become active.</summary>
    Task SetBalancesAsync(IReadOnlyDictionary<int, int> balanceByEntryId);

    Task DeleteEntriesAsync(IReadOnlyCollection<int> entryIds);

    Task InsertRecipientsAsync(IReadOnlyList<GrantRecipientRow> recipients);

    /// <summary>
    /// Marks a chunk of recipients revoked, filtered by the chunk's customer range: a statement for the recipients given
    /// their own points (per distinct value), one for all the others.
    /// </summary>
    Task RevokeRecipientsAsync(RecipientRevocation revocation);

    Task MarkPurgedAsync(IReadOnlyCollection<int> recipientIds, DateTime purgedOnUtc);

    Task InsertLotExpiriesAsync(IReadOnlyList<LotExpiryRow> expiries);

    Task DeleteLotExpiriesAsync(IReadOnlyCollection<int> lotEntryIds);

    /// <summary>Stores a new grant and returns its id.</summary>
    Task<int> InsertGrantAsync(GrantRow grant);

    /// <summary>
    /// Takes the grant for <paramref name="runner"/> when its status is one of <paramref name="from"/> and no other
    /// runner's lease is current, setting <paramref name="to"/>; false when another runner holds it or the status differs.
    /// One conditional UPDATE, so two processes can never both take it.
    /// </summary>
    Task<bool> TryTakeGrantAsync(int grantId, string runner, IReadOnlyCollection<GrantStatus> from, GrantStatus to,
        DateTime nowUtc, DateTime leaseUntilUtc);

    /// <summary>
    /// Records a chunk's progress while <paramref name="runner"/> still holds the grant: counters grow by SQL increments
    /// (never written back from memory), the checkpoint moves, the lease is renewed. False when the lease was lost.
    /// </summary>
    Task<bool> RecordProgressAsync(int grantId, string runner, GrantProgress progress);

    /// <summary>Leaves the grant in <paramref name="status"/> and frees it, if <paramref name="runner"/> still holds it.</summary>
    /// <param name="completedOnUtc">When the grant run completed, to record; null leaves the recorded time as it is.</param>
    Task ReleaseGrantAsync(int grantId, string runner, GrantStatus status, string? error, DateTime nowUtc, DateTime? completedOnUtc = null);

    /// <summary>Adds to a grant's counters outside a run (a revoke of one recipient, a purge), by SQL increments.</summary>
    Task AddToCountsAsync(int grantId, int revoked, int purged);
}
