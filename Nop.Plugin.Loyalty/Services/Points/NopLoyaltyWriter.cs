using System.Transactions;
using LinqToDB;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Data.Mapping;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Services.Points;

/// <summary>The engine's writes over nopCommerce's data provider: bulk inserts and one UPDATE or DELETE per statement.</summary>
public class NopLoyaltyWriter : ILoyaltyWriter
{
    private readonly INopDataProvider _dataProvider;
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly IRepository<SpecialGrant> _grantRepository;
    private readonly IRepository<SpecialGrantRecipient> _recipientRepository;
    private readonly IRepository<LotExpiry> _lotExpiryRepository;

    public NopLoyaltyWriter(INopDataProvider dataProvider,
        IRepository<RewardPointsHistory> ledgerRepository,
        IRepository<SpecialGrant> grantRepository,
        IRepository<SpecialGrantRecipient> recipientRepository,
        IRepository<LotExpiry> lotExpiryRepository)
    {
        _dataProvider = dataProvider;
        _ledgerRepository = ledgerRepository;
        _grantRepository = grantRepository;
        _recipientRepository = recipientRepository;
        _lotExpiryRepository = lotExpiryRepository;
    }

    public ILoyaltyUnitOfWork Begin() => new ScopeUnitOfWork(LoyaltyTransaction.Begin());

    /// <summary>
    /// Locks the customers' rows: every ledger writer of the plugin locks them first, and nopCommerce's own ledger writes go
    /// through the plugin's reward point service, so no two writers chain running balances from the same entry.
    /// </summary>
    public async Task LockCustomersAsync(CustomerRange customers)
    {
        if (customers.Ids.Length == 0 || !DataSettingsManager.IsDatabaseInstalled())
            return;

        var table = NameCompatibilityManager.GetTableName(typeof(Customer));
        var id = NameCompatibilityManager.GetColumnName(typeof(Customer), nameof(Customer.Id));
        var (open, close, hint, forUpdate) = DataSettingsManager.LoadSettings().DataProvider switch
        {
            DataProviderType.SqlServer => ("[", "]", " WITH (UPDLOCK, ROWLOCK, HOLDLOCK)", ""),
            DataProviderType.MySql => ("`", "`", "", " FOR UPDATE"),
            DataProviderType.PostgreSQL => ("\"", "\"", "", " FOR UPDATE"),
            // SQLite (nopCommerce's test harness) locks the whole database for a writing transaction.
            _ => (null, null, null, null)
        };
        if (open == null)
            return;

        var column = $"{open}{id}{close}";
        var filter = customers.IsDense
            ? $"{column} BETWEEN {customers.First} AND {customers.Last}"
            : $"{column} IN ({string.Join(",", customers.Ids.Order())})";
        await _dataProvider.QueryAsync<int>($"SELECT {column} FROM {open}{table}{close}{hint} WHERE {filter} ORDER BY {column}{forUpdate}");
    }

    public async Task InsertEntriesAsync(IReadOnlyList<PlannedEntry> entries)
    {
        if (entries.Count == 0)
            return;
        await _dataProvider.BulkInsertEntitiesAsync(entries.Select(e => new RewardPointsHistory
        {
            CustomerId = e.CustomerId,
            StoreId = e.StoreId,
            Points = e.Points,
            PointsBalance = e.PointsBalance,
            UsedAmount = e.UsedAmount,
            Message = e.Message,
            CreatedOnUtc = e.CreatedOnUtc,
            EndDateUtc = e.EndDateUtc,
            ValidPoints = e.ValidPoints,
            UsedWithOrder = e.UsedWithOrder
        }).ToList());
    }

    public async Task SetLotsRemainingAsync(IReadOnlyDictionary<int, int> remainingByLotId)
    {
        foreach (var (remaining, ids) in ByValue(remainingByLotId))
            await LinqExtensions.UpdateAsync(LinqExtensions.Set(
                _ledgerRepository.Table.Where(e => ids.Contains(e.Id)), e => e.ValidPoints, (int?)remaining));
    }

    public async Task EmptyLotsAsync(IReadOnlyCollection<IdRange> lots)
    {
        if (lots.Count > 0)
            await LinqExtensions.UpdateAsync(LinqExtensions.Set(
                _ledgerRepository.Table.Where(IdRange.Within<RewardPointsHistory>(lots, e => e.Id)).Where(e => e.ValidPoints > 0),
                e => e.ValidPoints, (int?)0));
    }

    public async Task EmptyPendingLotsAsync(IReadOnlyCollection<IdRange> lots)
    {
        if (lots.Count > 0)
            await LinqExtensions.UpdateAsync(LinqExtensions.Set(LinqExtensions.Set(
                _ledgerRepository.Table.Where(IdRange.Within<RewardPointsHistory>(lots, e => e.Id)), e => e.Points, 0), e => e.ValidPoints, (int?)0));
    }

    public async Task SetBalancesAsync(IReadOnlyDictionary<int, int> balanceByEntryId)
    {
        foreach (var (balance, ids) in ByValue(balanceByEntryId))
            await LinqExtensions.UpdateAsync(LinqExtensions.Set(
                _ledgerRepository.Table.Where(e => ids.Contains(e.Id)), e => e.PointsBalance, (int?)balance));
    }

    public async Task DeleteEntriesAsync(IReadOnlyCollection<int> entryIds)
    {
        var ids = entryIds.ToArray();
        if (ids.Length > 0)
            await _ledgerRepository.DeleteAsync(e => ids.Contains(e.Id));
    }

    public async Task InsertRecipientsAsync(IReadOnlyList<GrantRecipientRow> recipients)
    {
        if (recipients.Count > 0)
            await _dataProvider.BulkInsertEntitiesAsync(recipients.Select(r => new SpecialGrantRecipient
            {
                GrantId = r.GrantId,
                CustomerId = r.CustomerId,
                LedgerEntryId = r.LedgerEntryId,
                RevokedOnUtc = r.RevokedOnUtc,
                RevokedPoints = r.RevokedPoints,
                PurgedOnUtc = r.PurgedOnUtc
            }).ToList());
    }

    public async Task RevokeRecipientsAsync(RecipientRevocation revocation)
    {
        var (grantId, first, last, revokedOn) = (revocation.GrantId, revocation.FirstCustomerId, revocation.LastCustomerId, revocation.RevokedOnUtc);
        var held = _recipientRepository.Table.Where(r => r.GrantId == grantId && r.CustomerId >= first && r.CustomerId <= last
                                                         && r.RevokedOnUtc == null && r.PurgedOnUtc == null);
        foreach (var (points, ids) in ByValue(revocation.PointsByRecipientId))
            await LinqExtensions.UpdateAsync(LinqExtensions.Set(LinqExtensions.Set(
                held.Where(r => ids.Contains(r.Id)), r => r.RevokedOnUtc, (DateTime?)revokedOn), r => r.RevokedPoints, points));
        await LinqExtensions.UpdateAsync(LinqExtensions.Set(LinqExtensions.Set(
            held, r => r.RevokedOnUtc, (DateTime?)revokedOn), r => r.RevokedPoints, revocation.Points));
    }

    public async Task MarkPurgedAsync(IReadOnlyCollection<int> recipientIds, DateTime purgedOnUtc)
    {
        var ids = recipientIds.ToArray();
        if (ids.Length > 0)
            await LinqExtensions.UpdateAsync(LinqExtensions.Set(
                _recipientRepository.Table.Where(r => ids.Contains(r.Id)), r => r.PurgedOnUtc, (DateTime?)purgedOnUtc));
    }

    public async Task InsertLotExpiriesAsync(IReadOnlyList<LotExpiryRow> expiries)
    {
        if (expiries.Count > 0)
            await _dataProvider.BulkInsertEntitiesAsync(expiries.Select(x => new LotExpiry
            {
                CustomerId = x.CustomerId,
                LotEntryId = x.LotEntryId,
                ExpiryEntryId = x.ExpiryEntryId,
                ExpiredPoints = x.ExpiredPoints,
                ExpiredOnUtc = x.ExpiredOnUtc
            }).ToList());
    }

    public async Task DeleteLotExpiriesAsync(IReadOnlyCollection<int> lotEntryIds)
    {
        var ids = lotEntryIds.ToArray();
        if (ids.Length > 0)
            await _lotExpiryRepository.DeleteAsync(x => ids.Contains(x.LotEntryId));
    }

    public async Task<int> InsertGrantAsync(GrantRow grant)
    {
        var entity = new SpecialGrant
        {
            Name = grant.Name,
            Points = grant.Points,
            ExpiresOnUtc = grant.ExpiresOnUtc,
            ActivatesOnUtc = grant.ActivatesOnUtc,
            StoreId = grant.StoreId,
            TargetJson = grant.TargetJson,
            StatusId = grant.StatusId,
            PlannedRecipientCount = grant.PlannedRecipientCount,
            NotifyCustomers = grant.NotifyCustomers,
            CreatedByCustomerId = grant.CreatedByCustomerId,
            CreatedOnUtc = grant.CreatedOnUtc
        };
        await _grantRepository.InsertAsync(entity, false);
        return entity.Id;
    }

    public async Task<bool> TryTakeGrantAsync(int grantId, string runner, IReadOnlyCollection<GrantStatus> from, GrantStatus to,
        DateTime nowUtc, DateTime leaseUntilUtc)
    {
        var statuses = from.Select(s => (int)s).ToArray();
        var now = ColumnTime.Of(nowUtc);
        var query = _grantRepository.Table.Where(g => g.Id == grantId && statuses.Contains(g.StatusId)
            && (g.Runner == null || g.Runner == runner || g.LeaseUntilUtc == null || g.LeaseUntilUtc <= now));
        return await query
            .Set(g => g.StatusId, (int)to)
            .Set(g => g.Runner, runner)
            .Set(g => g.LeaseUntilUtc, (DateTime?)leaseUntilUtc)
            .Set(g => g.StartedOnUtc, g => g.StartedOnUtc ?? now)
            .Set(g => g.LastProgressOnUtc, (DateTime?)nowUtc)
            .Set(g => g.LastError, (string)null)
            .UpdateAsync() == 1;
    }

    public async Task<bool> RecordProgressAsync(int grantId, string runner, GrantProgress progress)
    {
        var last = progress.LastCustomerId;
        var granted = progress.Granted;
        var revoked = progress.Revoked;
        return await _grantRepository.Table.Where(g => g.Id == grantId && g.Runner == runner)
            .Set(g => g.LastCustomerId, g => last ?? g.LastCustomerId)
            .Set(g => g.GrantedCount, g => g.GrantedCount + granted)
            .Set(g => g.RevokedCount, g => g.RevokedCount + revoked)
            .Set(g => g.LastProgressOnUtc, (DateTime?)progress.NowUtc)
            .Set(g => g.LeaseUntilUtc, (DateTime?)progress.LeaseUntilUtc)
            .UpdateAsync() == 1;
    }

    public async Task ReleaseGrantAsync(int grantId, string runner, GrantStatus status, string error, DateTime nowUtc, DateTime? completedOnUtc = null)
    {
        await _grantRepository.Table.Where(g => g.Id == grantId && g.Runner == runner)
            .Set(g => g.StatusId, (int)status)
            .Set(g => g.Runner, (string)null)
            .Set(g => g.LeaseUntilUtc, (DateTime?)null)
            .Set(g => g.LastError, error)
            .Set(g => g.CompletedOnUtc, g => completedOnUtc ?? g.CompletedOnUtc)
            .Set(g => g.LastProgressOnUtc, (DateTime?)nowUtc)
            .UpdateAsync();
    }

    public async Task AddToCountsAsync(int grantId, int revoked, int purged) =>
        await _grantRepository.Table.Where(g => g.Id == grantId)
            .Set(g => g.RevokedCount, g => g.RevokedCount + revoked)
            .Set(g => g.PurgedCount, g => g.PurgedCount + purged)
            .UpdateAsync();

    private static IEnumerable<(int Value, int[] Ids)> ByValue(IReadOnlyDictionary<int, int> valueById) =>
        valueById.GroupBy(x => x.Value, x => x.Key).Select(g => (g.Key, g.ToArray()));

    private sealed class ScopeUnitOfWork(TransactionScope scope) : ILoyaltyUnitOfWork
    {
        public void Complete() => scope.Complete();

        public void Dispose() => scope.Dispose();
    }
}
