using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Ports;

/// <summary>The loyalty tables as queryables of engine rows; the store's ORM runs the queries the engine composes.</summary>
public interface ILoyaltyData
{
    /// <summary>The reward points ledger (nopCommerce's RewardPointsHistory).</summary>
    IQueryable<LedgerEntryRow> Ledger { get; }

    IQueryable<GrantRow> Grants { get; }

    IQueryable<GrantRecipientRow> Recipients { get; }

    IQueryable<LotExpiryRow> LotExpiries { get; }

    /// <summary>The store's tables that targets and segments compile over.</summary>
    Task<StoreSources> GetSourcesAsync();

    /// <summary>Runs a query composed over these tables.</summary>
    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);
}
