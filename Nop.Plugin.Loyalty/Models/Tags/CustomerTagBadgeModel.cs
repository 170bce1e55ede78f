namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>A tag shown to the customer who holds it (their rank, for example) as a coloured badge.</summary>
public record CustomerTagBadgeModel(string Name, string Color);
