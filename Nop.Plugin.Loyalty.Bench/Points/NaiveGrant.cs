using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Bench.Points;

/// <summary>
/// The baseline: one customer at a time, the round trips nopCommerce's AddRewardPointsHistoryEntryAsync makes
/// (expired lots, not-yet-activated entries, latest balance, insert) plus the recipient row.
/// </summary>
public static class NaiveGrant
{
    public static int Run(DataConnection db, int grantId, GrantTerms terms, IEnumerable<int> customerIds, DateTime nowUtc)
    {
        // Unspecified kind, as the set-based path sends it, so the baseline is not slowed by PostgreSQL's timestamptz casts.
        nowUtc = ColumnTime.Of(nowUtc);
        var count = 0;
        var history = db.GetTable<NopRewardPointsHistory>();
        foreach (var customerId in customerIds)
        {
            _ = history.Where(h => h.CustomerId == customerId && h.EndDateUtc < nowUtc && h.ValidPoints > 0).ToList();
            _ = history.Where(h => h.CustomerId == customerId && h.PointsBalance == null && h.CreatedOnUtc < nowUtc).ToList();
            var balance = history.Where(h => h.CustomerId == customerId && h.CreatedOnUtc <= nowUtc)
                .OrderByDescending(h => h.CreatedOnUtc).ThenByDescending(h => h.Id)
                .Select(h => h.PointsBalance).FirstOrDefault() ?? 0;
            var entryId = db.InsertWithInt32Identity(new NopRewardPointsHistory
            {
                CustomerId = customerId,
                StoreId = 1,
                Points = terms.Points,
                PointsBalance = balance + terms.Points,
                Message = terms.Name,
                CreatedOnUtc = nowUtc,
                EndDateUtc = terms.ExpiresOnUtc,
                ValidPoints = terms.Points
            });
            db.Insert(new LoyaltySpecialGrantRecipient { GrantId = grantId, CustomerId = customerId, LedgerEntryId = entryId });
            count++;
        }

        return count;
    }
}
