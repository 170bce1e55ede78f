using System.Data;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing.Ports;

/// <summary>The engine's writes over a linq2db connection: bulk copies and one UPDATE or DELETE per statement.</summary>
public sealed class LinqLoyaltyWriter(DataConnection db) : ILoyaltyWriter
{
    private static readonly BulkCopyOptions Bulk = new() { BulkCopyType = BulkCopyType.ProviderSpecific };

    private DatabaseKind Kind => TestDatabase.KindOf(db);

    private ITable<NopRewardPointsHistory> Ledger => db.GetTable<NopRewardPointsHistory>();

    private ITable<LoyaltySpecialGrant> Grants => db.GetTable<LoyaltySpecialGrant>();

    private ITable<LoyaltySpecialGrantRecipient> Recipients => db.GetTable<LoyaltySpecialGrantRecipient>();

    public ILoyaltyUnitOfWork Begin()
    {
        if (db.Transaction != null)
            return JoinedUnitOfWork.Instance;
        // SQLite has no read committed; its transactions are serializable, which the single test connection never notices.
        db.BeginTransaction(Kind == DatabaseKind.Sqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted);
        return new UnitOfWork(db);
    }

    public async Task LockCustomersAsync(CustomerRange customers)
    {
        if (customers.Ids.Length == 0 || Kind == DatabaseKind.Sqlite || Environment.GetEnvironmentVariable("NOLOCK") == "1")
            return; // one connection per SQLite database here: nothing else can write between our statements
        var (open, close) = Kind == DatabaseKind.MariaDb ? ("`", "`") : ("\"", "\"");
        var id = $"{open}Id{close}";
        var filter = customers.IsDense
            ? $"{id} BETWEEN {customers.First} AND {customers.Last}"
            : $"{id} IN ({string.Join(",", customers.Ids.Order())})";
        await db.QueryToListAsync<int>($"SELECT {id} FROM {open}Customer{close} WHERE {filter} ORDER BY {id} FOR UPDATE");
    }

    public Task InsertEntriesAsync(IReadOnlyList<PlannedEntry> entries) =>
        Copy(entries.Select(e => new NopRewardPointsHistory
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
        }));

    public async Task SetLotsRemainingAsync(IReadOnlyDictionary<int, int> remainingByLotId)
    {
        foreach (var (remaining, ids) in ByValue(remainingByLotId))
            await Ledger.Where(h => ids.Contains(h.Id)).Set(h => h.ValidPoints, remaining).UpdateAsync();
    }

    public async Task EmptyLotsAsync(IReadOnlyCollection<IdRange> lots)
    {
        if (lots.Count > 0)
            await Ledger.Where(IdRange.Within<NopRewardPointsHistory>(lots, h => h.Id)).Where(h => h.ValidPoints > 0)
                .Set(h => h.ValidPoints, 0).UpdateAsync();
    }

    public async Task EmptyPendingLotsAsync(IReadOnlyCollection<IdRange> lots)
    {
        if (lots.Count > 0)
            await Ledger.Where(IdRange.Within<NopRewardPointsHistory>(lots, h => h.Id))
                .Set(h => h.Points, 0).Set(h => h.ValidPoints, 0).UpdateAsync();
    }

    public async Task SetBalancesAsync(IReadOnlyDictionary<int, int> balanceByEntryId)
    {
        foreach (var (balance, ids) in ByValue(balanceByEntryId))
            await Ledger.Where(h => ids.Contains(h.Id)).Set(h => h.PointsBalance, balance).UpdateAsync();
    }

    public async Task DeleteEntriesAsync(IReadOnlyCollection<int> entryIds)
    {
        var ids = entryIds.ToArray();
        if (ids.Length > 0)
            await Ledger.Where(h => ids.Contains(h.Id)).DeleteAsync();
    }

    public Task InsertRecipientsAsync(IReadOnlyList<GrantRecipientRow> recipients) =>
        Copy(recipients.Select(r => new LoyaltySpecialGrantRecipient
        {
            GrantId = r.GrantId,
            CustomerId = r.CustomerId,
            LedgerEntryId = r.LedgerEntryId,
            RevokedOnUtc = r.RevokedOnUtc,
            RevokedPoints = r.RevokedPoints,
            PurgedOnUtc = r.PurgedOnUtc
        }));

    public async Task RevokeRecipientsAsync(RecipientRevocation revocation)
    {
        var (grantId, first, last, revokedOn) = (revocation.GrantId, revocation.FirstCustomerId, revocation.LastCustomerId, revocation.RevokedOnUtc);
        var held = Recipients.Where(r => r.GrantId == grantId && r.CustomerId >= first && r.CustomerId <= last
                                         && r.RevokedOnUtc == null && r.PurgedOnUtc == null);
        foreach (var (points, ids) in ByValue(revocation.PointsByRecipientId))
            await held.Where(r => ids.Contains(r.Id)).Set(r => r.RevokedOnUtc, revokedOn).Set(r => r.RevokedPoints, points).UpdateAsync();
        await held.Set(r => r.RevokedOnUtc, revokedOn).Set(r => r.RevokedPoints, revocation.Points).UpdateAsync();
    }

    public async Task MarkPurgedAsync(IReadOnlyCollection<int> recipientIds, DateTime purgedOnUtc)
    {
        var ids = recipientIds.ToArray();
        if (ids.Length > 0)
            await Recipients.Where(r => ids.Contains(r.Id)).Set(r => r.PurgedOnUtc, purgedOnUtc).UpdateAsync();
    }

    public Task InsertLotExpiriesAsync(IReadOnlyList<LotExpiryRow> expiries) =>
        Copy(expiries.Select(x => new LoyaltyLotExpiry
        {
            CustomerId = x.CustomerId,
            LotEntryId = x.LotEntryId,
            ExpiryEntryId = x.ExpiryEntryId,
            ExpiredPoints = x.ExpiredPoints,
            ExpiredOnUtc = x.ExpiredOnUtc
        }));

    public async Task DeleteLotExpiriesAsync(IReadOnlyCollection<int> lotEntryIds)
    {
        var ids = lotEntryIds.ToArray();
        if (ids.Length > 0)
            await db.GetTable<LoyaltyLotExpiry>().Where(x => ids.Contains(x.LotEntryId)).DeleteAsync();
    }

    public Task<int> InsertGrantAsync(GrantRow grant) =>
        db.InsertWithInt32IdentityAsync(new LoyaltySpecialGrant
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
        });

    public async Task<bool> TryTakeGrantAsync(int grantId, string runner, IReadOnlyCollection<GrantStatus> from, GrantStatus to,
        DateTime nowUtc, DateTime leaseUntilUtc)
    {
        var statuses = from.Select(s => (int)s).ToArray();
        var now = ColumnTime.Of(nowUtc);
        return await Grants
            .Where(g => g.Id == grantId && statuses.Contains(g.StatusId)
                        && (g.Runner == null || g.Runner == runner || g.LeaseUntilUtc == null || g.LeaseUntilUtc <= now))
            .Set(g => g.StatusId, (int)to)
            .Set(g => g.Runner, runner)
            .Set(g => g.LeaseUntilUtc, leaseUntilUtc)
            .Set(g => g.StartedOnUtc, g => g.StartedOnUtc ?? now)
            .Set(g => g.LastProgressOnUtc, nowUtc)
            .Set(g => g.LastError, (string?)null)
            .UpdateAsync() == 1;
    }

    public async Task<bool> RecordProgressAsync(int grantId, string runner, GrantProgress progress)
    {
        var last = progress.LastCustomerId;
        var granted = progress.Granted;
        var revoked = progress.Revoked;
        return await Grants
            .Where(g => g.Id == grantId && g.Runner == runner)
            .Set(g => g.LastCustomerId, g => last ?? g.LastCustomerId)
            .Set(g => g.GrantedCount, g => g.GrantedCount + granted)
            .Set(g => g.RevokedCount, g => g.RevokedCount + revoked)
            .Set(g => g.LastProgressOnUtc, progress.NowUtc)
            .Set(g => g.LeaseUntilUtc, progress.LeaseUntilUtc)
            .UpdateAsync() == 1;
    }

    public async Task ReleaseGrantAsync(int grantId, string runner, GrantStatus status, string? error, DateTime nowUtc, DateTime? completedOnUtc = null)
    {
        await Grants
            .Where(g => g.Id == grantId && g.Runner == runner)
            .Set(g => g.StatusId, (int)status)
            .Set(g => g.Runner, (string?)null)
            .Set(g => g.LeaseUntilUtc, (DateTime?)null)
            .Set(g => g.LastError, error)
            .Set(g => g.CompletedOnUtc, g => completedOnUtc ?? g.CompletedOnUtc)
            .Set(g => g.LastProgressOnUtc, nowUtc)
            .UpdateAsync();
    }

    public async Task AddToCountsAsync(int grantId, int revoked, int purged) =>
        await Grants
            .Where(g => g.Id == grantId)
            .Set(g => g.RevokedCount, g => g.RevokedCount + revoked)
            .Set(g => g.PurgedCount, g => g.PurgedCount + purged)
            .UpdateAsync();

    /// <summary>
    /// A bulk copy, run synchronously: linq2db's asynchronous binary COPY awaits every row, which costs a fifth of a
    /// grant chunk on PostgreSQL; the test connection serves one caller at a time anyway.
    /// </summary>
    private Task Copy<T>(IEnumerable<T> rows) where T : class
    {
        db.BulkCopy(Bulk, rows);
        return Task.CompletedTask;
    }

    private static IEnumerable<(int Value, int[] Ids)> ByValue(IReadOnlyDictionary<int, int> valueById) =>
        valueById.GroupBy(x => x.Value, x => x.Key).Select(g => (g.Key, g.ToArray()));

    private sealed class UnitOfWork(DataConnection db) : ILoyaltyUnitOfWork
    {
        private bool _completed;

        public void Complete()
        {
            db.CommitTransaction();
            _completed = true;
        }

        public void Dispose()
        {
            if (!_completed && db.Transaction != null)
                db.RollbackTransaction();
        }
    }

    /// <summary>A unit of work begun inside another: the outer one commits or undoes everything.</summary>
    private sealed class JoinedUnitOfWork : ILoyaltyUnitOfWork
    {
        public static readonly JoinedUnitOfWork Instance = new();

        public void Complete() { }

        public void Dispose() { }
    }
}
