namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>Builds the ledger entries for one chunk of a bulk grant from each recipient's latest balance.</summary>
public static class GrantPlanner
{
    /// <summary>
    /// One entry per recipient. Immediate points carry the running balance (latest balance plus the grant);
    /// points that activate later carry none, and nopCommerce fills it in when they activate.
    /// </summary>
    public static IReadOnlyList<PlannedEntry> Plan(GrantTerms terms, int storeId, IEnumerable<int> customerIds,
        IReadOnlyDictionary<int, int> latestBalances, DateTime nowUtc)
    {
        var expires = terms.ExpiresOnUtc ?? throw new LoyaltyRuleException(ResourceKeys.ExpiryRequired);
        var activatesLater = terms.ActivatesOnUtc is { } a && a > nowUtc;
        var createdOn = activatesLater ? terms.ActivatesOnUtc!.Value : nowUtc;
        return customerIds
            .Select(id => new PlannedEntry(
                id,
                storeId,
                terms.Points,
                activatesLater ? null : latestBalances.GetValueOrDefault(id) + terms.Points,
                createdOn,
                expires,
                terms.Points,
                terms.Name))
            .ToList();
    }

    /// <summary>
    /// The entries that retire lots (expiry or revoke), one per lot that gave up points, each with its running balance.
    /// They are dated when processed, not at the lot's expiry, so they are the customer's latest entries and the
    /// next entry's running balance starts from them.
    /// </summary>
    /// <param name="messageOf">The entry's message for the lot it retires.</param>
    public static IReadOnlyList<PlannedEntry> PlanRetirement(int customerId, int storeId, Retirement retirement, DateTime processedOnUtc,
        Func<int, string> messageOf)
    {
        var entries = new List<PlannedEntry>();
        for (var i = 0; i < retirement.Draws.Count; i++)
        {
            var draw = retirement.Draws[i];
            if (draw.Points > 0)
                entries.Add(new PlannedEntry(customerId, storeId, -draw.Points, retirement.BalancesAfter[i], processedOnUtc, null, null,
                    messageOf(draw.LotId), draw.LotId));
        }

        return entries;
    }
}
