using Nop.Plugin.Loyalty.Engine.Store;
using System.Text;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Services.Helpers;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>Saved segments on nopCommerce: the engine's compiler over the same sources special points use.</summary>
public class SegmentService : ISegmentService
{
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILoyaltyData _data;
    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<Segment> _segmentRepository;
    private readonly IRepository<SpecialGrant> _grantRepository;
    private readonly StoreSegmentCatalog _catalog;
    private readonly StoreSourcesFactory _sourcesFactory;
    private readonly TargetDescriber _targetDescriber;

    public SegmentService(IDateTimeHelper dateTimeHelper,
        ILoyaltyData data,
        IRepository<Customer> customerRepository,
        IRepository<Segment> segmentRepository,
        IRepository<SpecialGrant> grantRepository,
        StoreSegmentCatalog catalog,
        StoreSourcesFactory sourcesFactory,
        TargetDescriber targetDescriber)
    {
        _dateTimeHelper = dateTimeHelper;
        _data = data;
        _customerRepository = customerRepository;
        _segmentRepository = segmentRepository;
        _grantRepository = grantRepository;
        _catalog = catalog;
        _sourcesFactory = sourcesFactory;
        _targetDescriber = targetDescriber;
    }

    #region Utilities

    /// <summary>Throws the first problem of the segment's name or definition.</summary>
    protected virtual async Task EnsureValidAsync(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (string.IsNullOrWhiteSpace(segment.Name))
            throw new LoyaltyRuleException(LoyaltyDefaults.SegmentNameRequiredResource);

        var (definition, errors) = await ReadAsync(segment.DefinitionJson);
        if (errors.Count > 0)
            throw new LoyaltyRuleException(errors[0].ResourceKey, [.. errors[0].Arguments]);

        // Stored normalized, as the engine writes it.
        segment.DefinitionJson = SegmentJson.Serialize(definition);
        segment.Name = CommonHelper.EnsureMaximumLength(segment.Name.Trim(), 200);
        segment.Description = string.IsNullOrWhiteSpace(segment.Description)
            ? null
            : CommonHelper.EnsureMaximumLength(segment.Description.Trim(), 1000);
    }

    protected virtual async Task<IQueryable<int>> CompileAsync(SegmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return SegmentCompiler.Compile(definition, await _sourcesFactory.GetSourcesAsync(), GetContext());
    }

    protected virtual IQueryable<SegmentCustomerView> Customers(IQueryable<int> ids) =>
        from id in ids
        join c in _customerRepository.Table on id equals c.Id
        orderby c.Id
        select new SegmentCustomerView(c.Id, c.Email, c.FirstName, c.LastName);

    #endregion

    #region Methods

    public virtual async Task<Segment> GetSegmentByIdAsync(int segmentId) => await _segmentRepository.GetByIdAsync(segmentId);

    public virtual async Task<IList<Segment>> GetAllSegmentsAsync() =>
        await _segmentRepository.Table.OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync();

    public virtual async Task<IPagedList<Segment>> SearchSegmentsAsync(string name = null, int pageIndex = 0, int pageSize = int.MaxValue)
    {
        return await _segmentRepository.GetAllPagedAsync(query =>
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                var part = name.Trim();
                query = query.Where(s => s.Name.Contains(part));
            }

            return query.OrderBy(s => s.Name).ThenBy(s => s.Id);
        }, pageIndex, pageSize);
    }

    public virtual async Task InsertSegmentAsync(Segment segment, int customerId)
    {
        await EnsureValidAsync(segment);
        var now = DateTime.UtcNow;
        segment.CreatedOnUtc = now;
        segment.UpdatedOnUtc = now;
        segment.CreatedByCustomerId = customerId;
        segment.UpdatedByCustomerId = customerId;
        await _segmentRepository.InsertAsync(segment, false);
    }

    public virtual async Task UpdateSegmentAsync(Segment segment, int customerId)
    {
        await EnsureValidAsync(segment);
        segment.UpdatedOnUtc = DateTime.UtcNow;
        segment.UpdatedByCustomerId = customerId;
        await _segmentRepository.UpdateAsync(segment, false);
    }

    public virtual async Task<Segment> DuplicateSegmentAsync(Segment segment, int customerId, string name)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var now = DateTime.UtcNow;
        var copy = new Segment
        {
            Name = CommonHelper.EnsureMaximumLength(name, 200),
            Description = segment.Description,
            DefinitionJson = segment.DefinitionJson,
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
            CreatedByCustomerId = customerId,
            UpdatedByCustomerId = customerId
        };
        // A copy of a segment whose products were deleted since is still a copy: it is not re-validated here.
        await _segmentRepository.InsertAsync(copy, false);
        return copy;
    }

    public virtual async Task<IList<string>> GetActiveGrantNamesUsingAsync(int segmentId)
    {
        var queued = (int)GrantStatus.Queued;
        var running = (int)GrantStatus.Running;
        var active = await _grantRepository.Table
            .Where(g => g.StatusId == queued || g.StatusId == running)
            .Select(g => new { g.Name, g.TargetJson })
            .ToListAsync();

        var names = new List<string>();
        foreach (var grant in active)
        {
            GrantTarget target;
            try
            {
                target = GrantTargetJson.Deserialize(grant.TargetJson);
            }
            catch (LoyaltyRuleException)
            {
                continue;
            }

            if (target is SegmentTarget { SegmentId: { } id } && id == segmentId)
                names.Add(grant.Name);
        }

        return names;
    }

    public virtual async Task DeleteSegmentAsync(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var users = await GetActiveGrantNamesUsingAsync(segment.Id);
        if (users.Count > 0)
            throw new LoyaltyRuleException(LoyaltyDefaults.SegmentInUseResource, segment.Name, string.Join(", ", users));

        await _segmentRepository.DeleteAsync(segment, false);
    }

    public virtual Task<ISegmentCatalog> GetCatalogAsync(SegmentDefinition definition) => _catalog.LoadAsync(definition);

    public virtual async Task<IReadOnlyList<ValidationError>> ValidateAsync(SegmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return SegmentValidator.Validate(definition, await GetCatalogAsync(definition));
    }

    public virtual async Task<(SegmentDefinition Definition, IReadOnlyList<ValidationError> Errors)> ReadAsync(string json)
    {
        if (!SegmentJson.TryParse(json ?? string.Empty, out var definition, out var error))
            return (null, [error]);
        var errors = await ValidateAsync(definition);
        return (errors.Count == 0 ? definition : null, errors);
    }

    public virtual SegmentContext GetContext(DateTime? nowUtc = null) =>
        new(_dateTimeHelper.DefaultStoreTimeZone, nowUtc ?? DateTime.UtcNow);

    public virtual async Task<int> PreviewCountAsync(SegmentDefinition definition) =>
        await (await CompileAsync(definition)).CountAsync();

    public virtual async Task<IList<SegmentCustomerView>> SampleAsync(SegmentDefinition definition, int count = 20) =>
        await Customers(await CompileAsync(definition)).Take(Math.Max(count, 0)).ToListAsync();

    /// <summary>Resources of the CSV file's columns, in the order of its rows' fields.</summary>
    public static readonly IReadOnlyList<string> CsvHeaderResources =
    [
        LoyaltyDefaults.ResourcePrefix + ".Csv.CustomerId", LoyaltyDefaults.ResourcePrefix + ".Csv.Email",
        LoyaltyDefaults.ResourcePrefix + ".Csv.FirstName", LoyaltyDefaults.ResourcePrefix + ".Csv.LastName"
    ];

    public virtual async Task WriteCsvAsync(SegmentDefinition definition, Stream output, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(output);
        var ids = await CompileAsync(definition);

        await SegmentCsv.WriteAsync(_data, ids, header, output);
    }

    public virtual Task<string> DescribeAsync(SegmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _targetDescriber.DescribeAsync(definition);
    }

    public virtual Task<SegmentTarget> BuildTargetAsync(SegmentDefinition definition, DateTime nowUtc,
        string segmentName = null, int? segmentId = null) =>
        Task.FromResult(new SegmentTarget(definition, GetContext(nowUtc), segmentName, segmentId));

    #endregion
}
