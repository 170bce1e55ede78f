using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>The engine's queries over a linq2db connection to a nopCommerce-shaped store.</summary>
public sealed class LinqLoyaltyData(DataConnection db, bool purchaseLines = false) : ILoyaltyData
{
    public IQueryable<LedgerEntryRow> Ledger => NopStore.Ledger(db);

    public IQueryable<GrantRow> Grants => db.GetTable<LoyaltySpecialGrant>().Select(g => new GrantRow
    {
        Id = g.Id,
        Name = g.Name,
        Points = g.Points,
        ExpiresOnUtc = g.ExpiresOnUtc,
        ActivatesOnUtc = g.ActivatesOnUtc,
        StoreId = g.StoreId,
        TargetJson = g.TargetJson,
        StatusId = g.StatusId,
        PlannedRecipientCount = g.PlannedRecipientCount,
        GrantedCount = g.GrantedCount,
        RevokedCount = g.RevokedCount,
        PurgedCount = g.PurgedCount,
        LastCustomerId = g.LastCustomerId,
        NotifyCustomers = g.NotifyCustomers,
        LastError = g.LastError,
        CreatedByCustomerId = g.CreatedByCustomerId,
        CreatedOnUtc = g.CreatedOnUtc,
        StartedOnUtc = g.StartedOnUtc,
        CompletedOnUtc = g.CompletedOnUtc,
        LastProgressOnUtc = g.LastProgressOnUtc,
        Runner = g.Runner,
        LeaseUntilUtc = g.LeaseUntilUtc
    });

    public IQueryable<GrantRecipientRow> Recipients => db.GetTable<LoyaltySpecialGrantRecipient>().Select(r => new GrantRecipientRow
    {
        Id = r.Id,
        GrantId = r.GrantId,
        CustomerId = r.CustomerId,
        LedgerEntryId = r.LedgerEntryId,
        RevokedOnUtc = r.RevokedOnUtc,
        RevokedPoints = r.RevokedPoints,
        PurgedOnUtc = r.PurgedOnUtc
    });

    public IQueryable<LotExpiryRow> LotExpiries => db.GetTable<LoyaltyLotExpiry>().Select(x => new LotExpiryRow
    {
        Id = x.Id,
        CustomerId = x.CustomerId,
        LotEntryId = x.LotEntryId,
        ExpiryEntryId = x.ExpiryEntryId,
        ExpiredPoints = x.ExpiredPoints,
        ExpiredOnUtc = x.ExpiredOnUtc
    });

    public Task<StoreSources> GetSourcesAsync() => Task.FromResult(NopStore.Sources(db, purchaseLines));

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);
}
