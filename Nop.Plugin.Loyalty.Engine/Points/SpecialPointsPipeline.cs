using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Points;

/// <summary>
/// Every special points step as the store runs it: grant runs, spending, settling (activation and expiry), revoke and
/// purge, set-based in chunks over the engine's ports. The plugin, the tests and the benchmark all run this code.
/// </summary>
public sealed partial class SpecialPointsPipeline
{
    private readonly ILoyaltyData _data;
    private readonly ILoyaltyWriter _writer;
    private readonly ILoyaltyObserver _observer;
    private readonly ILedgerTexts _texts;
    private readonly TimeProvider _clock;
    private readonly PipelineOptions _options;

    public SpecialPointsPipeline(ILoyaltyData data, ILoyaltyWriter writer, ILoyaltyObserver observer, ILedgerTexts texts,
        TimeProvider clock, PipelineOptions options)
    {
        _data = data;
        _writer = writer;
        _observer = observer;
        _texts = texts;
        _clock = clock;
        _options = options;
    }

    /// <summary>
    /// Now, to the millisecond: every database nopCommerce supports stores that exactly, so entries written with it
    /// compare equal when read back.
    /// </summary>
    private DateTime Now()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>A customer's balance now (in one store when points are kept per store).</summary>
    public async Task<int> BalanceAsync(int customerId, int storeId = 0) =>
        (await BalancesAsync([customerId], Now(), _options.BalanceStore(storeId))).GetValueOrDefault(customerId);

    private async Task<Dictionary<int, int>> BalancesAsync(IReadOnlyCollection<int> customerIds, DateTime nowUtc, int? storeId)
    {
        if (customerIds.Count == 0)
            return [];
        return await LedgerQueries.LatestBalancesAsync(_data, CustomerRange.Spanning(customerIds), nowUtc, storeId);
    }

    private async Task<GrantRow?> FindGrantAsync(int grantId) =>
        (await _data.ToListAsync(_data.Grants.Where(g => g.Id == grantId))).FirstOrDefault();

    /// <summary>Tells the store what a committed chunk did; a failure is reported, never allowed to undo or repeat the chunk.</summary>
    private async Task TellAsync(Func<Task> tell, string what)
    {
        try
        {
            await tell();
        }
        catch (Exception e)
        {
            try
            {
                await _observer.ErrorAsync($"Loyalty: {what} failed", e);
            }
            catch
            {
                // Reporting failed too; the committed chunk still stands.
            }
        }
    }

    /// <summary>
    /// Inserts entries of locked customers and returns their ids in the same order. Bulk inserts do not return
    /// identities, so the ids are read back: every entry of these customers above the ledger's highest id read after
    /// the lock is ours, because no other writer can add to a locked customer's ledger until this unit of work ends.
    /// </summary>
    private async Task<IReadOnlyList<int>> InsertEntriesAsync(IReadOnlyList<PlannedEntry> entries)
    {
        if (entries.Count == 0)
            return [];

        var watermark = (await _data.ToListAsync(_data.Ledger.OrderByDescending(e => e.Id).Select(e => e.Id).Take(1))).FirstOrDefault();
        await _writer.InsertEntriesAsync(entries);

        // By the primary key alone: what lies above the watermark is ours plus the few entries others wrote meanwhile.
        var inserted = await _data.ToListAsync(_data.Ledger
            .Where(e => e.Id > watermark)
            .OrderBy(e => e.Id)
            .Select(e => new LedgerEntryRow { Id = e.Id, CustomerId = e.CustomerId }));

        var ids = inserted.GroupBy(e => e.CustomerId).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(e => e.Id)));
        var result = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (!ids.TryGetValue(entries[i].CustomerId, out var queue) || !queue.TryDequeue(out result[i]))
                throw new InvalidOperationException($"The ledger entry inserted for customer {entries[i].CustomerId} could not be read back.");
        }

        var ours = entries.Select(e => e.CustomerId).ToHashSet();
        if (ids.Any(x => ours.Contains(x.Key) && x.Value.Count > 0))
            throw new InvalidOperationException("Another writer added to a locked customer's ledger; the chunk is undone.");

        return result;
    }
}
