using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Admin;

/// <summary>The grant detail page: its terms and progress, and the recipients grid.</summary>
public record GrantDetailsModel : BaseNopModel
{
    public GrantModel Grant { get; set; } = new();

    public GrantRecipientSearchModel RecipientSearch { get; set; } = new();
}
