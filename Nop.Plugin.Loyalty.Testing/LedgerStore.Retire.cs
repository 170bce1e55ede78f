using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing;

public sealed partial class LedgerStore
{
    private const string ExpiredMessage = "Expired";
    private const string RevokedMessage = "Revoked";

    /// <summary>Expires every lot due now, chunk by chunk of customers; returns the number of lots expired.</summary>
    public int ExpireDue()
    {
        var now = Now;
        var expired = 0;
        var last = 0;
        while (true)
        {
            var after = last;
            var ids = LedgerQueries.DueForExpiry(Ledger, now).Where(e => e.CustomerId > after)
                .Select(e => e.CustomerId).Distinct().OrderBy(id => id).Take(chunkSize).ToList();
            if (ids.Count == 0)
                return expired;
            expired += ExpireCustomers(CustomerRange.Spanning(ids), now);
            last = ids[^1];
        }
    }

    /// <summary>Expires the due lots of the customers in the range: a few statements for the whole chunk.</summary>
    private int ExpireCustomers(CustomerRange customers, DateTime now)
    {
        var due = LedgerQueries.DueForExpiry(LedgerQueries.OpenLots(Ledger, customers), now).ToList();
        if (due.Count == 0)
            return 0;

        var dueIds = due.Select(l => l.Id).ToArray();
        var planned = Retire(due, now, (lots, balance) => LotRetirement.Expire(lots, balance, now));
        using var tx = db.BeginTransaction();
        var entryIds = InsertEntries(planned, ExpiredMessage);
        var expiryByLot = planned.Select((p, i) => (Lot: p.RetiresLotId!.Value, EntryId: entryIds[i], Points: -p.Points))
            .ToDictionary(x => x.Lot);
        db.GetTable<NopRewardPointsHistory>().Where(h => dueIds.Contains(h.Id)).Set(h => h.ValidPoints, 0).Update();
        db.BulkCopy(Bulk, due.Select(lot => new LoyaltyLotExpiry
        {
            CustomerId = lot.CustomerId,
            LotEntryId = lot.Id,
            ExpiryEntryId = expiryByLot.TryGetValue(lot.Id, out var expiry) ? expiry.EntryId : null,
            ExpiredPoints = expiryByLot.TryGetValue(lot.Id, out var taken) ? taken.Points : 0,
            ExpiredOnUtc = now
        }));
        tx.Commit();
        return due.Count;
    }

    /// <summary>Revokes what remains of a grant's lots, for one customer or for every recipient; returns the points taken.</summary>
    public int Revoke(int grantId, int? customerId = null)
    {
        var now = Now;
        var recipients = db.GetTable<LoyaltySpecialGrantRecipient>()
            .Where(r => r.GrantId == grantId && r.RevokedOnUtc == null && (customerId == null || r.CustomerId == customerId))
            .ToList();
        var taken = 0;
        foreach (var chunk in recipients.Chunk(chunkSize))
        {
            var lotIds = chunk.Select(r => r.LedgerEntryId).ToArray();
            var lots = Ledger.Where(e => lotIds.Contains(e.Id) && e.ValidPoints > 0).ToList();
            var planned = Retire(lots, now, LotRetirement.Retire);
            using var tx = db.BeginTransaction();
            InsertEntries(planned, RevokedMessage);
            db.GetTable<NopRewardPointsHistory>().Where(h => lotIds.Contains(h.Id)).Set(h => h.ValidPoints, 0).Update();
            var recipientIds = chunk.Select(r => r.Id).ToArray();
            db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => recipientIds.Contains(r.Id)).Set(r => r.RevokedOnUtc, now).Update();
            tx.Commit();
            taken += planned.Sum(p => -p.Points);
        }

        return taken;
    }

    /// <summary>Purges special lots that expired unused long enough ago; returns how many were purged.</summary>
    public int Purge(int purgeAfterDays)
    {
        var now = Now;
        var candidates = LedgerQueries.PurgeCandidates(
            db.GetTable<LoyaltySpecialGrantRecipient>().Select(r => new Engine.Store.GrantRecipientRow
            {
                Id = r.Id,
                GrantId = r.GrantId,
                CustomerId = r.CustomerId,
                LedgerEntryId = r.LedgerEntryId,
                RevokedOnUtc = r.RevokedOnUtc,
                PurgedOnUtc = r.PurgedOnUtc
            }),
            Ledger,
            db.GetTable<LoyaltyLotExpiry>().Select(x => new Engine.Store.LotExpiryRow
            {
                Id = x.Id,
                CustomerId = x.CustomerId,
                LotEntryId = x.LotEntryId,
                ExpiryEntryId = x.ExpiryEntryId,
                ExpiredPoints = x.ExpiredPoints,
                ExpiredOnUtc = x.ExpiredOnUtc
            }),
            now, purgeAfterDays).ToList();

        foreach (var chunk in candidates.Chunk(chunkSize))
        {
            var entryIds = chunk.Select(c => c.LotEntryId).Concat(chunk.Select(c => c.ExpiryEntryId ?? 0)).ToArray();
            var lotIds = chunk.Select(c => c.LotEntryId).ToArray();
            var recipientIds = chunk.Select(c => c.RecipientId).ToArray();
            using var tx = db.BeginTransaction();
            db.GetTable<NopRewardPointsHistory>().Where(h => entryIds.Contains(h.Id)).Delete();
            db.GetTable<LoyaltyLotExpiry>().Where(x => lotIds.Contains(x.LotEntryId)).Delete();
            db.GetTable<LoyaltySpecialGrantRecipient>().Where(r => recipientIds.Contains(r.Id)).Set(r => r.PurgedOnUtc, now).Update();
            tx.Commit();
        }

        return candidates.Count;
    }

    /// <summary>Spends a customer's points at checkout, earliest-expiring first; returns the lots drawn.</summary>
    public IReadOnlyList<LotDraw> Spend(int customerId, int points)
    {
        var now = Now;
        ExpireCustomers(CustomerRange.Of(customerId), now);
        using var tx = db.BeginTransaction();
        var lots = LedgerQueries.OpenLots(Ledger, CustomerRange.Of(customerId)).ToList().Select(l => l.ToLot()).ToList();
        var draws = SpendAllocator.Allocate(lots, points, now);
        var balance = Balance(customerId);
        db.Insert(new NopRewardPointsHistory
        {
            CustomerId = customerId,
            StoreId = 1,
            Points = -points,
            PointsBalance = balance - points,
            Message = "Spent",
            CreatedOnUtc = now
        });
        foreach (var draw in draws)
            db.GetTable<NopRewardPointsHistory>().Where(h => h.Id == draw.LotId).Set(h => h.ValidPoints, draw.RemainingAfter).Update();
        tx.Commit();
        return draws;
    }

    /// <summary>A customer's balance: the running balance of their latest active entry.</summary>
    public int Balance(int customerId) =>
        LedgerQueries.LatestBalances(Ledger, CustomerRange.Of(customerId), Now).Select(b => (int?)b.Balance).FirstOrDefault() ?? 0;

    /// <summary>Adds ordinary points (or takes them, when negative) the way an admin's manual adjustment does, without touching lots.</summary>
    public void Adjust(int customerId, int points, DateTime? expiresOnUtc = null)
    {
        var now = Now;
        db.Insert(new NopRewardPointsHistory
        {
            CustomerId = customerId,
            StoreId = 1,
            Points = points,
            PointsBalance = Balance(customerId) + points,
            Message = "Adjustment",
            CreatedOnUtc = now,
            EndDateUtc = expiresOnUtc,
            ValidPoints = points > 0 ? points : null
        });
    }

    private List<PlannedEntry> Retire(IReadOnlyList<Engine.Store.LedgerEntryRow> lots, DateTime now,
        Func<IEnumerable<PointLot>, int, Retirement> retire)
    {
        var customerIds = lots.Select(l => l.CustomerId).Distinct().ToArray();
        var balances = LedgerQueries.LatestBalances(Ledger, CustomerRange.Spanning(customerIds), now).ToDictionary(b => b.CustomerId, b => b.Balance);
        return lots.GroupBy(l => l.CustomerId)
            .SelectMany(g => GrantPlanner.PlanRetirement(g.Key, retire(g.Select(l => l.ToLot()), balances.GetValueOrDefault(g.Key)), now))
            .ToList();
    }
}
