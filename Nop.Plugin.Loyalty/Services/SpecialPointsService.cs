using System.Collections.Concurrent;
using System.Text;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Events;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Core.Events;
using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Special points on nopCommerce: grants are stored as RewardPointsHistory entries with an end date (so checkout
/// redemption and nopCommerce's own reward point pages keep working) plus the plugin's grant and recipient rows.
/// Every bulk operation is set-based in chunks of customers; the business rules are the engine's.
/// </summary>
public class SpecialPointsService : ISpecialPointsService
{
    /// <summary>Grants being run by this process; a second run of the same grant waits for the next resume instead.</summary>
    private static readonly ConcurrentDictionary<int, byte> RunningHere = new();

    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly IEventPublisher _eventPublisher;
    private readonly IGrantRunQueue _grantRunQueue;
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<LotExpiry> _lotExpiryRepository;
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly IRepository<SpecialGrant> _grantRepository;
    private readonly IRepository<SpecialGrantRecipient> _recipientRepository;
    private readonly IRewardPointService _rewardPointService;
    private readonly GrantTargetFactory _targetFactory;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly INopDataProvider _dataProvider;
    private readonly LoyaltyLedger _ledger;
    private readonly LoyaltyMessageService _messageService;
    private readonly LoyaltySettings _loyaltySettings;
    private readonly StoreSourcesFactory _sourcesFactory;
    private readonly RewardPointsSettings _rewardPointsSettings;

    public SpecialPointsService(CurrencySettings currencySettings,
        ICurrencyService currencyService,
        IEventPublisher eventPublisher,
        IGrantRunQueue grantRunQueue,
        ILocalizationService localizationService,
        ILogger logger,
        IOrderTotalCalculationService orderTotalCalculationService,
        IPriceFormatter priceFormatter,
        IRepository<Customer> customerRepository,
        IRepository<LotExpiry> lotExpiryRepository,
        IRepository<RewardPointsHistory> ledgerRepository,
        IRepository<SpecialGrant> grantRepository,
        IRepository<SpecialGrantRecipient> recipientRepository,
        IRewardPointService rewardPointService,
        IStoreContext storeContext,
        IWorkContext workContext,
        INopDataProvider dataProvider,
        LoyaltyLedger ledger,
        LoyaltyMessageService messageService,
        LoyaltySettings loyaltySettings,
        RewardPointsSettings rewardPointsSettings,
        StoreSourcesFactory sourcesFactory,
        GrantTargetFactory targetFactory)
    {
        _targetFactory = targetFactory;
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _eventPublisher = eventPublisher;
        _grantRunQueue = grantRunQueue;
        _localizationService = localizationService;
        _logger = logger;
        _orderTotalCalculationService = orderTotalCalculationService;
        _priceFormatter = priceFormatter;
        _customerRepository = customerRepository;
        _lotExpiryRepository = lotExpiryRepository;
        _ledgerRepository = ledgerRepository;
        _grantRepository = grantRepository;
        _recipientRepository = recipientRepository;
        _rewardPointService = rewardPointService;
        _storeContext = storeContext;
        _workContext = workContext;
        _dataProvider = dataProvider;
        _ledger = ledger;
        _messageService = messageService;
        _loyaltySettings = loyaltySettings;
        _rewardPointsSettings = rewardPointsSettings;
        _sourcesFactory = sourcesFactory;
    }

    #region Utilities

    private int ChunkSize => Math.Clamp(_loyaltySettings.GrantChunkSize, 1, 10_000);

    /// <summary>The store's tables as the engine's sources, projected from nopCommerce's repositories.</summary>
    public virtual Task<StoreSources> GetSourcesAsync() => _sourcesFactory.GetSourcesAsync();

    /// <summary>The language the admin reads target descriptions in.</summary>
    protected virtual async Task<TargetLanguage> GetTargetLanguageAsync()
    {
        var language = await _workContext.GetWorkingLanguageAsync();
        return language?.LanguageCulture?.StartsWith("ja", StringComparison.OrdinalIgnoreCase) == true
            ? TargetLanguage.Japanese
            : TargetLanguage.English;
    }

    /// <summary>Everything the confirm step shows, and the target it was computed for.</summary>
    protected virtual async Task<(GrantPreview Preview, GrantTarget Target)> EvaluateAsync(GrantDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);

        var nowUtc = DateTime.UtcNow;
        var preview = new GrantPreview();
        foreach (var error in GrantValidator.Validate(ToTerms(draft), nowUtc))
            preview.Errors.Add(error);

        var (target, list, targetErrors) = await _targetFactory.BuildAsync(draft);
        foreach (var error in targetErrors)
            preview.Errors.Add(error);
        if (list != null)
            foreach (var rejected in list.Rejected)
                preview.RejectedRows.Add(rejected);

        if (target == null)
            return (preview, null);

        var sources = await GetSourcesAsync();
        var recipients = target.Compile(sources);
        preview.RecipientCount = await recipients.CountAsync();

        if (list != null)
        {
            // Which listed ids and emails name a registered customer: one query, then the engine lists the rest.
            var ids = list.CustomerIds.ToArray();
            var emails = list.Emails.Select(e => e.ToLowerInvariant()).ToArray();
            var matched = await sources.RegisteredCustomers()
                .Where(c => ids.Contains(c.Id) || (c.Email != null && emails.Contains(c.Email.ToLower())))
                .Select(c => new { c.Id, c.Email })
                .ToListAsync();
            foreach (var text in list.Unmatched(matched.Select(m => m.Id), matched.Select(m => m.Email)))
                preview.RejectedRows.Add(new RejectedRow(0, text, ResourceKeys.ListRowUnknownCustomer));
        }

        if (preview.RecipientCount == 0)
            preview.Errors.Add(new ValidationError("Target", ResourceKeys.TargetEmpty));

        var points = Math.Max(draft.Points, 0);
        preview.TotalPoints = (long)preview.RecipientCount * points;
        preview.TotalValue = preview.RecipientCount * await GetPointsValueAsync(points);
        var primaryCurrency = await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId);
        preview.TotalValueFormatted = primaryCurrency == null
            ? preview.TotalValue.ToString("N2")
            : await _priceFormatter.FormatPriceAsync(preview.TotalValue, true, primaryCurrency);
        preview.TargetDescription = target.Describe(await GetTargetLanguageAsync());

        return (preview, target);
    }

    /// <summary>The value of <paramref name="points"/> in the primary store currency.</summary>
    protected virtual async Task<decimal> GetPointsValueAsync(int points)
    {
        if (points <= 0)
            return 0;
        var value = await _orderTotalCalculationService.ConvertRewardPointsToAmountAsync(points);
        return value > 0 ? value : points * _rewardPointsSettings.ExchangeRate;
    }

    private static GrantTerms ToTerms(GrantDraft draft) =>
        new(draft.Name, draft.Points, draft.ExpiresOnUtc, draft.ActivatesOnUtc);

    private static GrantTerms ToTerms(SpecialGrant grant) =>
        new(grant.Name, grant.Points, grant.ExpiresOnUtc, grant.ActivatesOnUtc);

    /// <summary>Grants one chunk of customers; returns the customers granted (those not granted before).</summary>
    protected virtual async Task<IReadOnlyList<int>> GrantChunkAsync(SpecialGrant grant, IReadOnlyList<int> chunk, DateTime nowUtc)
    {
        // (a) Expire the chunk's due lots first, so the running balances written below follow them.
        await _ledger.ExpireDueAsync(chunk, nowUtc);

        // (b) Customers who already have this grant (a resumed run) are skipped.
        var chunkIds = chunk.ToArray();
        var grantId = grant.Id;
        var already = (await _recipientRepository.Table
                .Where(r => r.GrantId == grantId && chunkIds.Contains(r.CustomerId))
                .Select(r => r.CustomerId)
                .ToListAsync())
            .ToHashSet();
        var todo = chunk.Where(id => !already.Contains(id)).ToList();

        if (todo.Count > 0)
        {
            // (c) One balance query for the chunk, the engine plans the entries, one bulk insert.
            var balances = await _ledger.LatestBalancesAsync(todo, nowUtc, _ledger.BalanceStore(grant.StoreId));
            var planned = GrantPlanner.Plan(ToTerms(grant), todo, balances, nowUtc);
            var entries = planned.Select(p => new RewardPointsHistory
            {
                CustomerId = p.CustomerId,
                StoreId = grant.StoreId,
                Points = p.Points,
                PointsBalance = p.PointsBalance,
                CreatedOnUtc = p.CreatedOnUtc,
                EndDateUtc = p.EndDateUtc,
                ValidPoints = p.ValidPoints,
                UsedAmount = 0,
                Message = grant.Name
            }).ToList();

            using var transaction = LoyaltyLedger.BeginChunk();

            // (d) Ids read back in one query, recipients bulk inserted (the unique (GrantId, CustomerId) index
            // makes a concurrent duplicate run fail and roll back rather than grant twice).
            await _ledger.InsertEntriesAsync(entries);
            var recipients = entries.Select(e => new SpecialGrantRecipient
            {
                GrantId = grant.Id,
                CustomerId = e.CustomerId,
                LedgerEntryId = e.Id
            }).ToList();
            await _dataProvider.BulkInsertEntitiesAsync(recipients);

            // (e) Checkpoint in the same transaction.
            grant.LastCustomerId = chunk[^1];
            grant.GrantedCount += todo.Count;
            grant.LastProgressOnUtc = DateTime.UtcNow;
            await _grantRepository.UpdateAsync(grant, false);

            transaction.Complete();
        }
        else
        {
            grant.LastCustomerId = chunk[^1];
            grant.LastProgressOnUtc = DateTime.UtcNow;
            await _grantRepository.UpdateAsync(grant, false);
        }

        return todo;
    }

    /// <summary>Takes back what remains of the recipients' lots; one chunk, set-based. Returns the points taken.</summary>
    protected virtual async Task<int> RevokeRecipientsAsync(SpecialGrant grant, IList<SpecialGrantRecipient> recipients)
    {
        if (recipients.Count == 0)
            return 0;

        var nowUtc = LoyaltyLedger.UtcNow();
        var customerIds = recipients.Select(r => r.CustomerId).Distinct().ToList();

        // Due lots expire first: what expired is no longer there to revoke.
        await _ledger.ExpireDueAsync(customerIds, nowUtc);

        var lotIds = recipients.Select(r => r.LedgerEntryId).ToArray();
        var lots = (await _ledger.Ledger.Where(e => lotIds.Contains(e.Id)).ToListAsync()).ToDictionary(l => l.Id);

        var balanceScopes = new Dictionary<int, Dictionary<int, int>>(); // key: store id, 0 when balances span stores
        var message = string.Format(await _localizationService.GetResourceAsync(LoyaltyDefaults.RevokedMessageResource), grant.Name);
        var entries = new List<RewardPointsHistory>();
        var pendingLotIds = new List<int>();
        var revoked = new List<RevokedPoints>();

        foreach (var recipient in recipients)
        {
            var taken = 0;
            if (lots.TryGetValue(recipient.LedgerEntryId, out var lot) && (lot.ValidPoints ?? 0) > 0)
            {
                if (lot.PointsBalance == null && lot.CreatedOnUtc > nowUtc)
                {
                    // Not active yet: the points never reached the balance, so the lot is emptied instead.
                    pendingLotIds.Add(lot.Id);
                    taken = lot.ValidPoints ?? 0;
                }
                else
                {
                    var scope = _ledger.BalanceStore(lot.StoreId);
                    if (!balanceScopes.TryGetValue(scope ?? 0, out var balances))
                    {
                        var scopeCustomers = recipients
                            .Where(r => lots.TryGetValue(r.LedgerEntryId, out var l) && _ledger.BalanceStore(l.StoreId) == scope)
                            .Select(r => r.CustomerId).Distinct().ToList();
                        balances = await _ledger.LatestBalancesAsync(scopeCustomers, nowUtc, scope);
                        balanceScopes[scope ?? 0] = balances;
                    }

                    var balance = balances.GetValueOrDefault(recipient.CustomerId);
                    var retirement = LotRetirement.Retire([lot.ToLot(isSpecial: true)], balance);
                    balances[recipient.CustomerId] = retirement.FinalBalance;
                    entries.AddRange(GrantPlanner.PlanRetirement(recipient.CustomerId, retirement, nowUtc)
                        .Select(p => LoyaltyLedger.ToHistory(p, lot.StoreId, message)));
                    taken = retirement.TotalPoints;
                }
            }

            recipient.RevokedOnUtc = nowUtc;
            recipient.RevokedPoints = taken;
            revoked.Add(new RevokedPoints(recipient.CustomerId, recipient.LedgerEntryId, taken));
        }

        using (var transaction = LoyaltyLedger.BeginChunk())
        {
            await _ledger.InsertEntriesAsync(entries);
            await _ledger.ZeroLotsAsync(lots.Values.Where(l => (l.ValidPoints ?? 0) > 0).Select(l => l.Id).ToList());
            if (pendingLotIds.Count > 0)
            {
                var pending = pendingLotIds.ToArray();
                await LinqToDB.LinqExtensions.UpdateAsync(LinqToDB.LinqExtensions.Set(
                    _ledgerRepository.Table.Where(e => pending.Contains(e.Id)), e => e.Points, 0));
            }

            await _recipientRepository.UpdateAsync(recipients, false);

            var grantId = grant.Id;
            var count = recipients.Count;
            await LinqToDB.LinqExtensions.UpdateAsync(LinqToDB.LinqExtensions.Set(
                _grantRepository.Table.Where(g => g.Id == grantId), g => g.RevokedCount, g => g.RevokedCount + count));
            transaction.Complete();
        }

        grant.RevokedCount += recipients.Count;
        await _eventPublisher.PublishAsync(new SpecialPointsRevokedEvent(grant, revoked));

        return revoked.Sum(r => r.Points);
    }

    #endregion

    #region Methods

    public virtual async Task<GrantPreview> PreviewAsync(GrantDraft draft)
    {
        var (preview, _) = await EvaluateAsync(draft);
        return preview;
    }

    public virtual async Task<SpecialGrant> CreateGrantAsync(GrantDraft draft, int createdByCustomerId)
    {
        var (preview, target) = await EvaluateAsync(draft);
        if (preview.Errors.Count > 0)
        {
            var error = preview.Errors[0];
            throw new LoyaltyRuleException(error.ResourceKey, error.Arguments);
        }

        var storeId = draft.StoreId > 0 ? draft.StoreId : (await _storeContext.GetCurrentStoreAsync()).Id;
        var grant = new SpecialGrant
        {
            Name = draft.Name.Trim(),
            Points = draft.Points,
            ExpiresOnUtc = draft.ExpiresOnUtc!.Value,
            ActivatesOnUtc = draft.ActivatesOnUtc,
            StoreId = storeId,
            TargetJson = GrantTargetJson.Serialize(target),
            TargetDescription = CommonHelper.EnsureMaximumLength(preview.TargetDescription, 1000),
            Status = SpecialGrantStatus.Queued,
            PlannedRecipientCount = preview.RecipientCount,
            NotifyCustomers = draft.NotifyCustomers,
            CreatedByCustomerId = createdByCustomerId,
            CreatedOnUtc = DateTime.UtcNow
        };
        await _grantRepository.InsertAsync(grant);
        await _grantRunQueue.EnqueueAsync(grant.Id);

        return grant;
    }

    public virtual async Task RunGrantAsync(int grantId, CancellationToken cancellationToken = default)
    {
        if (!RunningHere.TryAdd(grantId, 0))
            return;

        try
        {
            var grant = await _grantRepository.GetByIdAsync(grantId);
            if (grant == null || grant.Status == SpecialGrantStatus.Completed)
                return;

            grant.Status = SpecialGrantStatus.Running;
            grant.StartedOnUtc ??= DateTime.UtcNow;
            grant.LastProgressOnUtc = DateTime.UtcNow;
            grant.LastError = null;
            await _grantRepository.UpdateAsync(grant, false);

            try
            {
                var target = GrantTargetJson.Deserialize(grant.TargetJson);
                var targeted = target.Compile(await GetSourcesAsync());

                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();

                    var lastCustomerId = grant.LastCustomerId;
                    var chunk = await targeted.Where(id => id > lastCustomerId).OrderBy(id => id).Take(ChunkSize).ToListAsync();
                    if (chunk.Count == 0)
                        break;

                    var granted = await GrantChunkAsync(grant, chunk, LoyaltyLedger.UtcNow());
                    if (granted.Count == 0)
                        continue;

                    if (grant.NotifyCustomers)
                    {
                        try
                        {
                            await _messageService.QueueGrantedNotificationsAsync(grant, granted);
                        }
                        catch (Exception e)
                        {
                            // The points are granted; a failed notification must not stop or repeat the grant.
                            await _logger.ErrorAsync($"Loyalty: could not queue notifications of grant {grant.Id}", e);
                        }
                    }

                    await _eventPublisher.PublishAsync(new SpecialPointsGrantedEvent(grant, granted));
                }

                grant.Status = SpecialGrantStatus.Completed;
                grant.CompletedOnUtc = DateTime.UtcNow;
                await _grantRepository.UpdateAsync(grant, false);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the grant stays Running and the resume task picks it up.
                throw;
            }
            catch (Exception e)
            {
                grant = await _grantRepository.GetByIdAsync(grantId) ?? grant;
                grant.Status = SpecialGrantStatus.Failed;
                grant.LastError = e.Message;
                await _grantRepository.UpdateAsync(grant, false);
                await _logger.ErrorAsync($"Loyalty: grant {grantId} failed", e);
                throw;
            }
        }
        finally
        {
            RunningHere.TryRemove(grantId, out _);
        }
    }

    public virtual async Task<int> ResumeUnfinishedGrantsAsync()
    {
        var nowUtc = DateTime.UtcNow;
        var queuedBefore = nowUtc - LoyaltyDefaults.QueuedGrantStaleAfter;
        var runningBefore = nowUtc - LoyaltyDefaults.RunningGrantStaleAfter;
        var queued = (int)SpecialGrantStatus.Queued;
        var running = (int)SpecialGrantStatus.Running;

        var stale = await _grantRepository.Table
            .Where(g => (g.StatusId == queued && g.CreatedOnUtc <= queuedBefore)
                        || (g.StatusId == running && (g.LastProgressOnUtc ?? g.StartedOnUtc ?? g.CreatedOnUtc) <= runningBefore))
            .Select(g => g.Id)
            .ToListAsync();

        var resumed = 0;
        foreach (var id in stale.Where(id => !RunningHere.ContainsKey(id)))
        {
            await _grantRunQueue.EnqueueAsync(id);
            resumed++;
        }

        return resumed;
    }

    public virtual async Task<SpecialGrant> GetGrantByIdAsync(int grantId)
    {
        return await _grantRepository.GetByIdAsync(grantId);
    }

    public virtual async Task<IPagedList<SpecialGrant>> SearchGrantsAsync(string name = null, int pageIndex = 0, int pageSize = int.MaxValue)
    {
        return await _grantRepository.GetAllPagedAsync(query =>
        {
            if (!string.IsNullOrWhiteSpace(name))
                query = query.Where(g => g.Name.Contains(name.Trim()));
            return query.OrderByDescending(g => g.CreatedOnUtc).ThenByDescending(g => g.Id);
        }, pageIndex, pageSize);
    }

    public virtual async Task<IPagedList<GrantRecipientView>> GetRecipientsAsync(int grantId, string email = null, int pageIndex = 0, int pageSize = int.MaxValue)
    {
        var query =
            from r in _recipientRepository.Table
            where r.GrantId == grantId
            join g in _grantRepository.Table on r.GrantId equals g.Id
            join c in _customerRepository.Table on r.CustomerId equals c.Id
            join l in _ledgerRepository.Table on r.LedgerEntryId equals l.Id into lots
            from lot in lots.DefaultIfEmpty()
            select new { r, g, c, lot };

        if (!string.IsNullOrWhiteSpace(email))
        {
            var part = email.Trim();
            query = query.Where(x => x.c.Email.Contains(part));
        }

        var views = query
            .OrderBy(x => x.r.CustomerId)
            .Select(x => new GrantRecipientView
            {
                RecipientId = x.r.Id,
                CustomerId = x.r.CustomerId,
                Email = x.c.Email,
                FullName = ((x.c.FirstName ?? "") + " " + (x.c.LastName ?? "")).Trim(),
                Points = x.lot != null && x.lot.Points > 0 ? x.lot.Points : x.g.Points,
                RemainingPoints = x.lot != null ? x.lot.ValidPoints ?? 0 : 0,
                GrantedOnUtc = x.lot != null ? x.lot.CreatedOnUtc : x.g.StartedOnUtc ?? x.g.CreatedOnUtc,
                RevokedOnUtc = x.r.RevokedOnUtc,
                RevokedPoints = x.r.RevokedPoints,
                PurgedOnUtc = x.r.PurgedOnUtc
            });

        return await views.ToPagedListAsync(pageIndex, pageSize);
    }

    public virtual async Task WriteRecipientsCsvAsync(int grantId, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);

        await using var csv = new CsvExport(output);
        await csv.WriteRowAsync("CustomerId", "Email", "FullName", "Points", "RemainingPoints", "GrantedOnUtc", "RevokedOnUtc", "RevokedPoints", "PurgedOnUtc");

        const int pageSize = 5_000;
        for (var page = 0; ; page++)
        {
            var rows = await GetRecipientsAsync(grantId, null, page, pageSize);
            foreach (var row in rows)
                await csv.WriteRowAsync(row.CustomerId, row.Email, row.FullName, row.Points, row.RemainingPoints,
                    row.GrantedOnUtc, row.RevokedOnUtc, row.RevokedPoints, row.PurgedOnUtc);
            if (!rows.HasNextPage)
                break;
        }
    }

    public virtual async Task<int> RevokeAsync(int grantId, int customerId)
    {
        var grant = await _grantRepository.GetByIdAsync(grantId);
        if (grant == null)
            return 0;

        var recipients = await _recipientRepository.Table
            .Where(r => r.GrantId == grantId && r.CustomerId == customerId && r.RevokedOnUtc == null && r.PurgedOnUtc == null)
            .ToListAsync();

        return await RevokeRecipientsAsync(grant, recipients);
    }

    public virtual async Task<int> RevokeAllAsync(int grantId)
    {
        var grant = await _grantRepository.GetByIdAsync(grantId);
        if (grant == null)
            return 0;

        var total = 0;
        var lastCustomerId = 0;
        while (true)
        {
            var after = lastCustomerId;
            var chunk = await _recipientRepository.Table
                .Where(r => r.GrantId == grantId && r.CustomerId > after && r.RevokedOnUtc == null && r.PurgedOnUtc == null)
                .OrderBy(r => r.CustomerId)
                .Take(ChunkSize)
                .ToListAsync();
            if (chunk.Count == 0)
                return total;

            total += await RevokeRecipientsAsync(grant, chunk);
            lastCustomerId = chunk[^1].CustomerId;
        }
    }

    public virtual async Task<int> ExpireDuePointsAsync()
    {
        return await _ledger.ExpireDueInAsync(_ledgerRepository.Table, LoyaltyLedger.UtcNow(), ChunkSize);
    }

    public virtual async Task<int> PurgeExpiredUnusedAsync()
    {
        var nowUtc = LoyaltyLedger.UtcNow();
        var recipients = _recipientRepository.Table.Select(r => new GrantRecipientRow
        {
            Id = r.Id,
            GrantId = r.GrantId,
            CustomerId = r.CustomerId,
            LedgerEntryId = r.LedgerEntryId,
            RevokedOnUtc = r.RevokedOnUtc,
            PurgedOnUtc = r.PurgedOnUtc
        });
        var expiries = _lotExpiryRepository.Table.Select(x => new LotExpiryRow
        {
            Id = x.Id,
            CustomerId = x.CustomerId,
            LotEntryId = x.LotEntryId,
            ExpiryEntryId = x.ExpiryEntryId,
            ExpiredPoints = x.ExpiredPoints,
            ExpiredOnUtc = x.ExpiredOnUtc
        });

        var purged = 0;
        var lastRecipientId = 0;
        while (true)
        {
            var after = lastRecipientId;
            var candidates = await LedgerQueries.PurgeCandidates(recipients, _ledger.Ledger, expiries, nowUtc, _loyaltySettings.PurgeAfterDays)
                .Where(c => c.RecipientId > after)
                .OrderBy(c => c.RecipientId)
                .Take(ChunkSize)
                .ToListAsync();
            if (candidates.Count == 0)
                return purged;

            var recipientIds = candidates.Select(c => c.RecipientId).Distinct().ToArray();
            var lotIds = candidates.Select(c => c.LotEntryId).Distinct().ToArray();
            var entryIds = lotIds.Concat(candidates.Where(c => c.ExpiryEntryId.HasValue).Select(c => c.ExpiryEntryId!.Value)).Distinct().ToArray();

            using (var transaction = LoyaltyLedger.BeginChunk())
            {
                // The lot and its expiry entry net to zero: deleting both leaves every running balance true.
                await _ledgerRepository.DeleteAsync(e => entryIds.Contains(e.Id));
                await _lotExpiryRepository.DeleteAsync(x => lotIds.Contains(x.LotEntryId));
                await LinqToDB.LinqExtensions.UpdateAsync(LinqToDB.LinqExtensions.Set(
                    _recipientRepository.Table.Where(r => recipientIds.Contains(r.Id)), r => r.PurgedOnUtc, (DateTime?)nowUtc));
                foreach (var byGrant in candidates.GroupBy(c => c.GrantId))
                {
                    var grantId = byGrant.Key;
                    var count = byGrant.Count();
                    await LinqToDB.LinqExtensions.UpdateAsync(LinqToDB.LinqExtensions.Set(
                        _grantRepository.Table.Where(g => g.Id == grantId), g => g.PurgedCount, g => g.PurgedCount + count));
                }

                transaction.Complete();
            }

            await _eventPublisher.PublishAsync(new SpecialPointsPurgedEvent(candidates
                .Select(c => new PurgedLot(c.GrantId, c.CustomerId, c.LotEntryId)).ToList()));

            purged += candidates.Count;
            lastRecipientId = candidates[^1].RecipientId;
        }
    }

    public virtual async Task<PointsStatement> GetStatementAsync(int customerId, int storeId)
    {
        // nopCommerce's balance read expires due lots and activates pending ones first.
        var balance = await _rewardPointService.GetRewardPointsBalanceAsync(customerId, storeId);
        var nowUtc = DateTime.UtcNow;

        var ledger = _ledger.Ledger;
        if (_ledger.BalanceStore(storeId) is { } store)
            ledger = ledger.Where(e => e.StoreId == store);
        var lots = await LedgerQueries.OpenLots(ledger, CustomerRange.Of(customerId)).ToListAsync();

        var lotIds = lots.Select(l => l.Id).ToArray();
        var special = (await _recipientRepository.Table
                .Where(r => r.CustomerId == customerId && lotIds.Contains(r.LedgerEntryId))
                .Select(r => r.LedgerEntryId)
                .ToListAsync())
            .ToHashSet();

        return PointsStatement.Build(lots.Select(l => l.ToLot(special.Contains(l.Id))), balance, nowUtc,
            TimeSpan.FromDays(Math.Max(_loyaltySettings.ExpiringSoonDays, 0)));
    }

    #endregion
}
