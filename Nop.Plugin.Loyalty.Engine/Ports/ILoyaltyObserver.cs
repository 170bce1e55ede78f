using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>
/// What the steps tell the store once a chunk's writes are committed: events for other plugins, grant emails, the log.
/// A failure here never undoes or repeats the chunk: the engine reports it through <see cref="ErrorAsync"/> and goes on.
/// </summary>
public interface ILoyaltyObserver
{
    /// <summary>A chunk of a grant was granted to these customers.</summary>
    Task GrantedAsync(GrantRow grant, IReadOnlyList<int> customerIds);

    Task RevokedAsync(GrantRow grant, IReadOnlyList<RevokedPoints> recipients);

    Task ExpiredAsync(IReadOnlyList<ExpiredLot> lots);

    Task PurgedAsync(IReadOnlyList<PurgedLot> lots);

    Task ErrorAsync(string message, Exception exception);
}

/// <summary>The texts written into ledger entries; the store writes them in its own language.</summary>
public interface ILedgerTexts
{
    /// <summary>The message of the entry that expires <paramref name="lot"/>.</summary>
    Task<string> ExpiredAsync(LedgerEntryRow lot);

    /// <summary>The message of an entry that takes back a grant's points.</summary>
    Task<string> RevokedAsync(GrantRow grant);
}
