using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Services.Points;

/// <summary>The engine's queries over nopCommerce's repositories.</summary>
public class NopLoyaltyData : ILoyaltyData
{
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly IRepository<SpecialGrant> _grantRepository;
    private readonly IRepository<SpecialGrantRecipient> _recipientRepository;
    private readonly IRepository<LotExpiry> _lotExpiryRepository;
    private readonly StoreSourcesFactory _sourcesFactory;

    public NopLoyaltyData(IRepository<RewardPointsHistory> ledgerRepository,
        IRepository<SpecialGrant> grantRepository,
        IRepository<SpecialGrantRecipient> recipientRepository,
        IRepository<LotExpiry> lotExpiryRepository,
        StoreSourcesFactory sourcesFactory)
    {
        _ledgerRepository = ledgerRepository;
        _grantRepository = grantRepository;
        _recipientRepository = recipientRepository;
        _lotExpiryRepository = lotExpiryRepository;
        _sourcesFactory = sourcesFactory;
    }

    /// <summary>nopCommerce's ledger rows as engine rows.</summary>
    public static IQueryable<LedgerEntryRow> Project(IQueryable<RewardPointsHistory> query) =>
        query.Select(h => new LedgerEntryRow
        {
            Id = h.Id,
            CustomerId = h.CustomerId,
            StoreId = h.StoreId,
            Points = h.Points,
            PointsBalance = h.PointsBalance,
            CreatedOnUtc = h.CreatedOnUtc,
            EndDateUtc = h.EndDateUtc,
            ValidPoints = h.ValidPoints,
            UsedWithOrder = h.UsedWithOrder
        });

    public IQueryable<LedgerEntryRow> Ledger => Project(_ledgerRepository.Table);

    public IQueryable<GrantRow> Grants => _grantRepository.Table.Select(g => new GrantRow
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

    public IQueryable<GrantRecipientRow> Recipients => _recipientRepository.Table.Select(r => new GrantRecipientRow
    {
        Id = r.Id,
        GrantId = r.GrantId,
        CustomerId = r.CustomerId,
        LedgerEntryId = r.LedgerEntryId,
        RevokedOnUtc = r.RevokedOnUtc,
        RevokedPoints = r.RevokedPoints,
        PurgedOnUtc = r.PurgedOnUtc
    });

    public IQueryable<LotExpiryRow> LotExpiries => _lotExpiryRepository.Table.Select(x => new LotExpiryRow
    {
        Id = x.Id,
        CustomerId = x.CustomerId,
        LotEntryId = x.LotEntryId,
        ExpiryEntryId = x.ExpiryEntryId,
        ExpiredPoints = x.ExpiredPoints,
        ExpiredOnUtc = x.ExpiredOnUtc
    });

    public Task<StoreSources> GetSourcesAsync() => _sourcesFactory.GetSourcesAsync();

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default) =>
        LinqToDB.Async.AsyncExtensions.ToListAsync(query, cancellationToken);
}
