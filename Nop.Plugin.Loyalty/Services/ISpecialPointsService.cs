using Nop.Core;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Special points: preview, grant, revoke, expire, purge and the customer's statement.</summary>
public interface ISpecialPointsService
{
    /// <summary>Validates the draft and counts its recipients; grants nothing.</summary>
    Task<GrantPreview> PreviewAsync(GrantDraft draft);

    /// <summary>
    /// Validates again, stores the grant as Queued with its target and description, and enqueues its run
    /// in the background. Throws <see cref="Engine.LoyaltyRuleException"/> when the draft is invalid.
    /// </summary>
    Task<SpecialGrant> CreateGrantAsync(GrantDraft draft, int createdByCustomerId);

    /// <summary>Runs (or resumes) a grant: chunk by chunk, checkpointed, nobody granted twice.</summary>
    Task RunGrantAsync(int grantId, CancellationToken cancellationToken = default);

    /// <summary>Re-enqueues grants left Queued or Running by a crash or restart.</summary>
    Task<int> ResumeUnfinishedGrantsAsync();

    Task<SpecialGrant> GetGrantByIdAsync(int grantId);

    Task<IPagedList<SpecialGrant>> SearchGrantsAsync(string name = null, int pageIndex = 0, int pageSize = int.MaxValue);

    Task<IPagedList<GrantRecipientView>> GetRecipientsAsync(int grantId, string email = null, int pageIndex = 0, int pageSize = int.MaxValue);

    /// <summary>Writes every recipient of a grant as CSV (UTF-8 with BOM).</summary>
    Task WriteRecipientsCsvAsync(int grantId, Stream output);

    /// <summary>Takes back what remains of one recipient's points; returns the points taken.</summary>
    Task<int> RevokeAsync(int grantId, int customerId);

    /// <summary>Takes back what remains of every recipient's points, set-based in chunks; returns the points taken.</summary>
    Task<int> RevokeAllAsync(int grantId);

    /// <summary>Expires every lot due now, set-based in chunks; returns the number of lots expired.</summary>
    Task<int> ExpireDuePointsAsync();

    /// <summary>Purges special lots that expired unused long enough ago (settings); returns the number purged.</summary>
    Task<int> PurgeExpiredUnusedAsync();

    /// <summary>The "My points" statement of a customer.</summary>
    Task<PointsStatement> GetStatementAsync(int customerId, int storeId);
}
