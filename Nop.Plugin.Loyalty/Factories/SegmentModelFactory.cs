using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Services.Tags;
using System.Globalization;
using System.Text.Json;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Models.Segments;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Stores;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Models of the segment pages.</summary>
public class SegmentModelFactory
{
    /// <summary>Texts of the builder script (resource key suffixes under Plugins.Misc.Loyalty.Segments.Builder.).</summary>
    /// <remarks>The conditions' names and their choices' labels come with <see cref="SegmentBuilderCatalog"/>.</remarks>
    private static readonly string[] BuilderTexts =
    [
        "AddCondition", "AddGroup", "Remove", "Not", "MatchAll", "MatchAny", "Type", "Min", "Max", "Window",
        "Window.AllTime", "Window.LastDays", "Window.ThisMonth", "Window.LastMonth", "Window.ThisYear", "Window.Between",
        "Days", "From", "To", "ProductSearch", "Month", "Day", "AnyStore", "Store", "EmptyGroup", "Unreadable", "StartOver",
        "OpenInBuilder", "OrdersThatCount", "OrderStatuses", "OrderStores", "OrderStoresHint"
    ];

    private readonly CollectedCustomerFields _collectedFields;
    private readonly ICategoryService _categoryService;
    private readonly ICountryService _countryService;
    private readonly ICustomerService _customerService;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly ISegmentService _segmentService;
    private readonly IStateProvinceService _stateProvinceService;
    private readonly IStoreService _storeService;
    private readonly TargetDescriber _targetDescriber;
    private readonly IWorkContext _workContext;
    private readonly IRepository<MemberTag> _tagRepository;
    private readonly IRepository<CustomerRole> _customerRoleRepository;

    public SegmentModelFactory(CollectedCustomerFields collectedFields,
        ICategoryService categoryService,
        ICountryService countryService,
        ICustomerService customerService,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        ISegmentService segmentService,
        IStateProvinceService stateProvinceService,
        IStoreService storeService,
        TargetDescriber targetDescriber,
        IWorkContext workContext,
        IRepository<MemberTag> tagRepository,
        IRepository<CustomerRole> customerRoleRepository)
    {
        _collectedFields = collectedFields;
        _categoryService = categoryService;
        _countryService = countryService;
        _customerService = customerService;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _segmentService = segmentService;
        _stateProvinceService = stateProvinceService;
        _storeService = storeService;
        _targetDescriber = targetDescriber;
        _workContext = workContext;
        _tagRepository = tagRepository;
        _customerRoleRepository = customerRoleRepository;
    }

    /// <summary>A localized message with its placeholders filled.</summary>
    public Task<string> FormatMessageAsync(string resourceKey, IEnumerable<object> arguments) =>
        LocalizedMessages.FormatAsync(_localizationService, resourceKey, arguments);

    /// <summary>The localized message of a broken rule.</summary>
    public Task<string> FormatErrorAsync(ValidationError error) => LocalizedMessages.FormatAsync(_localizationService, error);

    /// <summary>The localized warnings of a definition (conditions reading fields the store does not collect), with their paths.</summary>
    public async Task<IList<SegmentErrorModel>> PrepareWarningsAsync(SegmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var warnings = new List<SegmentErrorModel>();
        foreach (var warning in SegmentFieldUse.Uncollected(definition, await _collectedFields.GetAsync()))
            warnings.Add(new(warning.Field, await FormatErrorAsync(warning)));
        return warnings;
    }

    public SegmentSearchModel PrepareSegmentSearchModel(SegmentSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);
        searchModel.SetGridPageSize();
        return searchModel;
    }

    public async Task<SegmentListModel> PrepareSegmentListModelAsync(SegmentSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);
        var segments = await _segmentService.SearchSegmentsAsync(searchModel.SearchName, searchModel.Page - 1, searchModel.PageSize);

        // The page's rules described together, so the names they mention are read once; a definition that cannot be
        // read (JSON written by hand) has no rule to show.
        var ids = new List<int>();
        var phrases = new List<Phrase>();
        foreach (var segment in segments)
        {
            if (!SegmentJson.TryParse(segment.DefinitionJson ?? string.Empty, out var definition, out _) || definition == null)
                continue;
            ids.Add(segment.Id);
            phrases.Add(SegmentDescriber.Describe(definition));
        }

        var texts = await _targetDescriber.DescribeAsync(phrases);
        var rules = ids.Zip(texts).ToDictionary(r => r.First, r => r.Second);

        return await new SegmentListModel().PrepareToGridAsync(searchModel, segments, () => segments.SelectAwait(async segment => new SegmentRowModel
        {
            Id = segment.Id,
            Name = segment.Name,
            Description = segment.Description,
            Rule = rules.GetValueOrDefault(segment.Id),
            UpdatedOn = await UpdatedOnAsync(segment.UpdatedOnUtc)
        }));
    }

    /// <summary>
    /// The edit page's model. With <paramref name="segment"/> and no posted model, the stored values; otherwise the
    /// posted values are kept as entered (the builder's tree included), so nothing the admin typed is lost.
    /// </summary>
    public async Task<SegmentModel> PrepareSegmentModelAsync(SegmentModel model, Segment segment)
    {
        if (model == null)
        {
            model = new SegmentModel
            {
                DefinitionJson = "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[]}}"
            };
            if (segment != null)
            {
                model.Id = segment.Id;
                model.Name = segment.Name;
                model.Description = segment.Description;
                model.DefinitionJson = segment.DefinitionJson;
            }
        }

        if (segment != null)
            model.UpdatedOn = await UpdatedOnAsync(segment.UpdatedOnUtc);

        // Product names for the ids the current tree mentions (the pickers search the rest on demand).
        var productNames = new Dictionary<string, string>();
        if (SegmentJson.TryParse(model.DefinitionJson ?? string.Empty, out var definition, out _) && definition != null)
        {
            var catalog = await _segmentService.GetCatalogAsync(definition);
            foreach (var id in definition.MentionedIds()[SegmentEntity.Product])
                productNames[id.ToString()] = catalog.NameOf(SegmentEntity.Product, id) ?? $"#{id}";
            if (string.IsNullOrEmpty(model.RuleDescription))
                model.RuleDescription = await _segmentService.DescribeAsync(definition);
        }

        // The lists the catalog's conditions pick from, and the stores the orders panel offers.
        var entities = new Dictionary<string, IList<SegmentOptionModel>>();
        foreach (var entity in ConditionCatalog.All.SelectMany(k => k.Entities).Append(SegmentEntity.Store).Distinct())
            if (await PrepareEntityOptionsAsync(entity) is { } options)
                entities[SegmentBuilderCatalog.EntityKey(entity)] = options;

        var orderStatuses = new List<SegmentOptionModel>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            orderStatuses.Add(new SegmentOptionModel((int)status, await _localizationService.GetLocalizedEnumAsync(status)));

        var texts = new Dictionary<string, string>();
        foreach (var key in BuilderTexts)
            texts[key] = await _localizationService.GetResourceAsync(ConditionCatalog.ResourcePrefix + key);

        // Month names of the admin's language, for the birthday condition's months (January = index 0).
        var culture = new CultureInfo((await _workContext.GetWorkingLanguageAsync()).LanguageCulture);

        var data = new
        {
            conditions = await SegmentBuilderCatalog.PrepareConditionKindsAsync(_localizationService, await _collectedFields.GetAsync()),
            monthNames = culture.DateTimeFormat.MonthNames.Take(12),
            entities,
            orderStatuses,
            defaultOrderStatusIds = OrderStatuses.CountedByDefault,
            productNames,
            texts
        };
        model.BuilderDataJson = JsonSerializer.Serialize(data, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        return model;
    }

    /// <summary>Every entity of the kind, by name; null for products, which the builder searches instead.</summary>
    private async Task<IList<SegmentOptionModel>> PrepareEntityOptionsAsync(SegmentEntity entity)
    {
        switch (entity)
        {
            case SegmentEntity.Category:
                return (await _categoryService.GetAllCategoriesAsync(showHidden: true)).Select(c => new SegmentOptionModel(c.Id, c.Name)).ToList();
            case SegmentEntity.Country:
                return (await _countryService.GetAllCountriesAsync(showHidden: true)).Select(c => new SegmentOptionModel(c.Id, c.Name)).ToList();
            case SegmentEntity.StateProvince:
                var countryNames = (await _countryService.GetAllCountriesAsync(showHidden: true)).ToDictionary(c => c.Id, c => c.Name);
                return (await _stateProvinceService.GetStateProvincesAsync(true)).Select(s => new SegmentOptionModel(s.Id,
                    countryNames.TryGetValue(s.CountryId, out var country) ? $"{country}: {s.Name}" : s.Name)).ToList();
            case SegmentEntity.CustomerRole:
                return (await _customerService.GetAllCustomerRolesAsync(true)).Select(r => new SegmentOptionModel(r.Id, r.Name)).ToList();
            case SegmentEntity.Store:
                return (await _storeService.GetAllStoresAsync()).Select(s => new SegmentOptionModel(s.Id, s.Name)).ToList();
            case SegmentEntity.Tag:
                return (await NopTagStore.NamesAsync(_tagRepository.Table, _customerRoleRepository.Table))
                    .Select(t => new SegmentOptionModel(t.Id, t.Name)).ToList();
            default:
                return null;
        }
    }

    private async Task<string> UpdatedOnAsync(DateTime utc) =>
        LoyaltyDates.Instant(utc, await _dateTimeHelper.GetCurrentTimeZoneAsync(), CultureInfo.CurrentCulture, DateAudience.Admin);
}
