using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>The special points wizard: who a draft reaches, what it costs, and queuing it once confirmed.</summary>
public interface IGrantWizardService
{
    /// <summary>Counts and describes the draft's recipients; its terms are not looked at (the target step).</summary>
    Task<GrantPreview> PreviewTargetAsync(GrantDraft draft);

    /// <summary>Validates the whole draft and counts its recipients and value; grants nothing (the confirm step).</summary>
    Task<GrantPreview> PreviewAsync(GrantDraft draft);

    /// <summary>
    /// Validates again, stores the grant as Queued with its target and description, and enqueues its run in the
    /// background. Throws <see cref="Engine.LoyaltyRuleException"/> when the draft is invalid.
    /// </summary>
    Task<SpecialGrant> CreateGrantAsync(GrantDraft draft, int createdByCustomerId);
}
