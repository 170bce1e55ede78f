using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Special grants once queued, over the engine's pipeline: runs, recipients, revokes.</summary>
public class SpecialGrantService : ISpecialGrantService
{
    private readonly IGrantRunQueue _grantRunQueue;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<RewardPointsHistory> _ledgerRepository;
    private readonly IRepository<SpecialGrant> _grantRepository;
    private readonly IRepository<SpecialGrantRecipient> _recipientRepository;
    private readonly SpecialPointsPipeline _pipeline;
    private readonly ILoyaltyData _data;

    public SpecialGrantService(IGrantRunQueue grantRunQueue,
        IRepository<Customer> customerRepository,
        IRepository<RewardPointsHistory> ledgerRepository,
        IRepository<SpecialGrant> grantRepository,
        IRepository<SpecialGrantRecipient> recipientRepository,
        SpecialPointsPipeline pipeline,
        ILoyaltyData data)
    {
        _grantRunQueue = grantRunQueue;
        _customerRepository = customerRepository;
        _ledgerRepository = ledgerRepository;
        _grantRepository = grantRepository;
        _recipientRepository = recipientRepository;
        _pipeline = pipeline;
        _data = data;
    }

    public virtual Task<GrantRunOutcome> RunAsync(int grantId, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(grantId, cancellationToken);

    public virtual async Task<int> ResumeStalledAsync()
    {
        var stalled = await _pipeline.FindStalledGrantsAsync();
        foreach (var grantId in stalled)
            await _grantRunQueue.EnqueueAsync(grantId);
        return stalled.Count;
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

    /// <summary>Resources of the recipients CSV file's columns, in the order of its rows' fields.</summary>
    public static readonly IReadOnlyList<string> CsvHeaderResources =
    [
        LoyaltyDefaults.ResourcePrefix + ".Csv.CustomerId", LoyaltyDefaults.ResourcePrefix + ".Csv.Email",
        LoyaltyDefaults.ResourcePrefix + ".Csv.FullName", LoyaltyDefaults.ResourcePrefix + ".Csv.PointsGranted",
        LoyaltyDefaults.ResourcePrefix + ".Csv.PointsRemaining", LoyaltyDefaults.ResourcePrefix + ".Csv.GrantedOnUtc",
        LoyaltyDefaults.ResourcePrefix + ".Csv.RevokedOnUtc", LoyaltyDefaults.ResourcePrefix + ".Csv.PointsRevoked",
        LoyaltyDefaults.ResourcePrefix + ".Csv.PurgedOnUtc"
    ];

    public virtual async Task WriteRecipientsCsvAsync(int grantId, Stream output, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(output);

        await RecipientsCsv.WriteAsync(_data, grantId, header, output);
    }

    public virtual Task<int> RevokeAsync(int grantId, int customerId) => _pipeline.RevokeAsync(grantId, customerId);

    public virtual async Task RevokeAllAsync(int grantId)
    {
        await _pipeline.RequestRevokeAllAsync(grantId);
        await _grantRunQueue.EnqueueAsync(grantId);
    }
}
