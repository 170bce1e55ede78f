namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>What a special points campaign gives each recipient.</summary>
/// <param name="Name">Campaign name, shown to customers in their points history.</param>
/// <param name="Points">Points per recipient.</param>
/// <param name="ExpiresOnUtc">When the points expire (mandatory for special points).</param>
/// <param name="ActivatesOnUtc">When the points become usable; null for at once.</param>
public sealed record GrantTerms(string Name, int Points, DateTime? ExpiresOnUtc, DateTime? ActivatesOnUtc = null);
