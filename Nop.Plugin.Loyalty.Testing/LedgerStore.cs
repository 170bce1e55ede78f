using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>
/// The special points pipeline on a linq2db connection, set-based as the plugin runs it over nopCommerce's
/// repositories: a few statements per chunk of customers, never a query per customer.
/// </summary>
public sealed partial class LedgerStore(DataConnection db, TimeProvider clock, int chunkSize = 1000)
{
    private static readonly BulkCopyOptions Bulk = new() { BulkCopyType = BulkCopyType.ProviderSpecific };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<LedgerEntryRow> Ledger => NopStore.Ledger(db);

    /// <summary>Stores a grant, ready to run.</summary>
    public int CreateGrant(GrantTerms terms, int storeId = 1) =>
        db.InsertWithInt32Identity(new LoyaltySpecialGrant
        {
            Name = terms.Name,
            Points = terms.Points,
            ExpiresOnUtc = terms.ExpiresOnUtc!.Value,
            ActivatesOnUtc = terms.ActivatesOnUtc,
            StoreId = storeId,
            CreatedOnUtc = Now
        });

    /// <summary>Runs (or resumes) a grant to its target; returns how many customers were granted in this run.</summary>
    /// <param name="stopAfterChunks">Stops early, as a crash would, after this many chunks.</param>
    public int RunGrant(int grantId, GrantTarget target, int stopAfterChunks = int.MaxValue)
    {
        var grant = db.GetTable<LoyaltySpecialGrant>().Single(g => g.Id == grantId);
        var terms = new GrantTerms(grant.Name, grant.Points, grant.ExpiresOnUtc, grant.ActivatesOnUtc);
        var targetIds = target.Compile(NopStore.Sources(db));
        var granted = 0;

        for (var chunk = 0; chunk < stopAfterChunks; chunk++)
        {
            var last = grant.LastCustomerId;
            var ids = targetIds.Where(id => id > last).OrderBy(id => id).Take(chunkSize).ToList();
            if (ids.Count == 0)
                break;

            granted += GrantChunk(grant, terms, ids);
        }

        return granted;
    }

    private int GrantChunk(LoyaltySpecialGrant grant, GrantTerms terms, IReadOnlyList<int> ids)
    {
        var now = Now;
        var range = CustomerRange.Spanning(ids);
        ExpireCustomers(range, now);

        using var tx = db.BeginTransaction();
        var grantId = grant.Id;
        var alreadyGranted = db.GetTable<LoyaltySpecialGrantRecipient>()
            .Where(r => r.GrantId == grantId && r.CustomerId >= range.First && r.CustomerId <= range.Last)
            .Select(r => r.CustomerId)
            .ToHashSet();
        var recipients = ids.Where(id => !alreadyGranted.Contains(id)).ToList();

        var balances = LedgerQueries.LatestBalances(Ledger, range, now)
            .ToDictionary(b => b.CustomerId, b => b.Balance);
        var planned = GrantPlanner.Plan(terms, recipients, balances, now);
        var lotIds = InsertEntries(planned, terms.Name);

        db.BulkCopy(Bulk, planned.Select((entry, i) => new LoyaltySpecialGrantRecipient
        {
            GrantId = grantId,
            CustomerId = entry.CustomerId,
            LedgerEntryId = lotIds[i]
        }));

        grant.LastCustomerId = ids[^1];
        grant.RecipientCount += recipients.Count;
        db.GetTable<LoyaltySpecialGrant>().Where(g => g.Id == grantId)
            .Set(g => g.LastCustomerId, grant.LastCustomerId)
            .Set(g => g.RecipientCount, grant.RecipientCount)
            .Update();
        tx.Commit();
        return recipients.Count;
    }

    /// <summary>
    /// Bulk-inserts entries and returns their ids in the same order, read back in one query: bulk copy
    /// does not return identities, and ids grow in insertion order.
    /// </summary>
    private IReadOnlyList<int> InsertEntries(IReadOnlyList<PlannedEntry> planned, string message)
    {
        if (planned.Count == 0)
            return [];

        var watermark = db.GetTable<NopRewardPointsHistory>().Select(h => (int?)h.Id).Max() ?? 0;
        db.BulkCopy(Bulk, planned.Select(p => new NopRewardPointsHistory
        {
            CustomerId = p.CustomerId,
            StoreId = 1,
            Points = p.Points,
            PointsBalance = p.PointsBalance,
            Message = message,
            CreatedOnUtc = p.CreatedOnUtc,
            EndDateUtc = p.EndDateUtc,
            ValidPoints = p.ValidPoints
        }));

        var range = CustomerRange.Spanning(planned.Select(p => p.CustomerId).ToList());
        var inserted = db.GetTable<NopRewardPointsHistory>()
            .Where(h => h.Id > watermark && h.CustomerId >= range.First && h.CustomerId <= range.Last)
            .OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.CustomerId })
            .ToList();

        // Pair each planned entry with the inserted row of the same customer, in order.
        var byCustomer = inserted.GroupBy(h => h.CustomerId).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(h => h.Id)));
        return planned.Select(p => byCustomer[p.CustomerId].Dequeue()).ToList();
    }
}
