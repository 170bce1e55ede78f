namespace Nop.Plugin.Loyalty.Services;

/// <summary>One line of a grant's recipient grid and CSV export.</summary>
public class GrantRecipientView
{
    public int RecipientId { get; set; }
    public int CustomerId { get; set; }
    public string Email { get; set; }
    public string FullName { get; set; }
    public int Points { get; set; }

    /// <summary>What is left of the granted points (ValidPoints of the lot).</summary>
    public int RemainingPoints { get; set; }
    public DateTime GrantedOnUtc { get; set; }
    public DateTime? RevokedOnUtc { get; set; }
    public int RevokedPoints { get; set; }
    public DateTime? PurgedOnUtc { get; set; }
}
