using Nop.Plugin.Loyalty.Domains;

using Nop.Plugin.Loyalty.Engine.Points;

namespace Nop.Plugin.Loyalty.Events;

// Published through nopCommerce's IEventPublisher; consume them with IConsumer<TEvent>.
// Bulk operations publish one event per chunk, carrying the chunk's items.

/// <summary>A chunk of a special grant was granted (after its transaction committed).</summary>
/// <param name="Grant">The grant, with its checkpoint after the chunk.</param>
/// <param name="CustomerIds">Customers granted in this chunk.</param>
public sealed record SpecialPointsGrantedEvent(SpecialGrant Grant, IReadOnlyList<int> CustomerIds);

/// <summary>Recipients of a grant had what remained of their points taken back (one recipient or a chunk of "revoke all").</summary>
public sealed record SpecialPointsRevokedEvent(SpecialGrant Grant, IReadOnlyList<RevokedPoints> Recipients)
{
    /// <summary>Total points taken back.</summary>
    public int TotalPoints => Recipients.Sum(r => r.Points);
}

/// <summary>Lots expired (any reward points with an end date, special or not), per chunk.</summary>
public sealed record PointsExpiredEvent(IReadOnlyList<ExpiredLot> Lots);

/// <summary>Expired unused special lots purged, per chunk.</summary>
public sealed record SpecialPointsPurgedEvent(IReadOnlyList<PurgedLot> Lots);
