namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>
/// A chunk of a grant's recipients to mark revoked, named by their customer range rather than by a list of ids: every
/// recipient of <paramref name="GrantId"/> with a customer id from <paramref name="FirstCustomerId"/> to
/// <paramref name="LastCustomerId"/> that is neither revoked nor purged. Each is revoked on <paramref name="RevokedOnUtc"/>
/// with <paramref name="Points"/> taken, or the points <paramref name="PointsByRecipientId"/> gives for it.
/// </summary>
public sealed record RecipientRevocation(
    int GrantId,
    int FirstCustomerId,
    int LastCustomerId,
    DateTime RevokedOnUtc,
    int Points,
    IReadOnlyDictionary<int, int> PointsByRecipientId);
