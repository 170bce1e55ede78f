using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>What the confirm step shows before anything is granted.</summary>
public class GrantPreview
{
    /// <summary>Broken rules (resource keys); the grant cannot be confirmed while there are any.</summary>
    public IList<ValidationError> Errors { get; set; } = new List<ValidationError>();

    /// <summary>Rows of a customer list that were rejected (unreadable, duplicate) or named no registered customer.</summary>
    public IList<RejectedRow> RejectedRows { get; set; } = new List<RejectedRow>();

    public int RecipientCount { get; set; }
    public long TotalPoints { get; set; }

    /// <summary>The total points' value in the primary store currency, at the reward points exchange rate.</summary>
    public decimal TotalValue { get; set; }
    public string TotalValueFormatted { get; set; }

    public string TargetDescription { get; set; }

    public bool CanConfirm => Errors.Count == 0 && RecipientCount > 0;
}
