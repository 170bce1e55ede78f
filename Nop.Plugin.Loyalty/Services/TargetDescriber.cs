using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// Writes the engine's descriptions of grant targets and segments in the language the admin works in, when they are
/// shown: nothing is stored in the language of whoever created it. The names the descriptions mention are read once
/// for all the descriptions of a page.
/// </summary>
public class TargetDescriber
{
    private readonly CurrencySettings _currencySettings;
    private readonly ICurrencyService _currencyService;
    private readonly ILocalizationService _localizationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IWorkContext _workContext;
    private readonly StoreSegmentCatalog _catalog;

    public TargetDescriber(CurrencySettings currencySettings,
        ICurrencyService currencyService,
        ILocalizationService localizationService,
        IPriceFormatter priceFormatter,
        IWorkContext workContext,
        StoreSegmentCatalog catalog)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
        _workContext = workContext;
        _catalog = catalog;
    }

    /// <summary>The phrases in <paramref name="language"/> (by default the admin's working language), in order.</summary>
    public virtual async Task<IList<string>> DescribeAsync(IReadOnlyList<Phrase> phrases, Language language = null)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        if (phrases.Count == 0)
            return new List<string>();

        var names = await _catalog.LoadNamesAsync(phrases.SelectMany(p => p.Descendants()).OfType<PhraseName>().ToList());
        var texts = new LocalizedPhraseTexts(language ?? await _workContext.GetWorkingLanguageAsync(), _localizationService, _priceFormatter,
            await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId), names);

        var result = new List<string>(phrases.Count);
        foreach (var phrase in phrases)
            result.Add(await PhraseRenderer.RenderAsync(phrase, texts));
        return result;
    }

    public virtual async Task<string> DescribeAsync(GrantTarget target) => (await DescribeAsync([target.Describe()]))[0];

    public virtual async Task<string> DescribeAsync(SegmentDefinition definition) =>
        (await DescribeAsync([SegmentDescriber.Describe(definition)]))[0];

    /// <summary>
    /// The targets of the grants, by grant id, from the target each grant stored; a grant whose stored target cannot be
    /// read shows the description text earlier versions stored with it.
    /// </summary>
    public virtual async Task<IDictionary<int, string>> DescribeGrantsAsync(IEnumerable<SpecialGrant> grants, Language language = null)
    {
        var described = new Dictionary<int, string>();
        var readable = new List<(int GrantId, Phrase Phrase)>();
        foreach (var grant in grants)
        {
            try
            {
                readable.Add((grant.Id, GrantTargetJson.Deserialize(grant.TargetJson ?? string.Empty).Describe()));
            }
            catch (LoyaltyRuleException)
            {
                described[grant.Id] = grant.TargetDescription;
            }
        }

        var texts = await DescribeAsync(readable.Select(r => r.Phrase).ToList(), language);
        for (var i = 0; i < readable.Count; i++)
            described[readable[i].GrantId] = texts[i];
        return described;
    }
}
