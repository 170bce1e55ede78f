using Nop.Core;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Special grants once queued: their runs, their recipients, revokes.</summary>
public interface ISpecialGrantService
{
    /// <summary>Runs whatever the grant has in hand (its grant run or its revoke-all); see the engine's pipeline.</summary>
    Task<GrantRunOutcome> RunAsync(int grantId, CancellationToken cancellationToken = default);

    /// <summary>Enqueues runs left without a live runner by a crash or restart; returns how many.</summary>
    Task<int> ResumeStalledAsync();

    Task<SpecialGrant> GetGrantByIdAsync(int grantId);

    Task<IPagedList<SpecialGrant>> SearchGrantsAsync(string name = null, int pageIndex = 0, int pageSize = int.MaxValue);

    Task<IPagedList<GrantRecipientView>> GetRecipientsAsync(int grantId, string email = null, int pageIndex = 0, int pageSize = int.MaxValue);

    /// <summary>
    /// Writes every recipient of a grant as CSV (UTF-8 with BOM) under the header given (the texts of
    /// <see cref="SpecialGrantService.CsvHeaderResources"/>).
    /// </summary>
    Task WriteRecipientsCsvAsync(int grantId, Stream output, IReadOnlyList<string> header);

    /// <summary>Takes back what remains of one recipient's points; returns the points taken.</summary>
    Task<int> RevokeAsync(int grantId, int customerId);

    /// <summary>
    /// Starts taking back every recipient's points in the background (the grant shows its progress). Throws
    /// <see cref="Engine.LoyaltyRuleException"/> while the grant is queued or running.
    /// </summary>
    Task RevokeAllAsync(int grantId);
}
