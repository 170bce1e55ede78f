using System.Globalization;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Localization;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Services.Catalog;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>
/// The engine's phrases in one of the store's languages: wordings from its locale resources, order statuses from
/// nopCommerce's enum resources, numbers and dates in its culture, amounts in the primary store currency, and names
/// from a catalog loaded beforehand for every phrase at once.
/// </summary>
public class LocalizedPhraseTexts : IPhraseTexts
{
    private readonly CultureInfo _culture;
    private readonly Language _language;
    private readonly ILocalizationService _localizationService;
    private readonly ISegmentCatalog _names;
    private readonly IPriceFormatter _priceFormatter;
    private readonly Currency _primaryCurrency;

    public LocalizedPhraseTexts(Language language, ILocalizationService localizationService, IPriceFormatter priceFormatter,
        Currency primaryCurrency, ISegmentCatalog names)
    {
        _language = language;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
        _primaryCurrency = primaryCurrency;
        _names = names;
        _culture = CultureOf(language);
    }

    private static CultureInfo CultureOf(Language language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(string.IsNullOrEmpty(language?.LanguageCulture) ? "en-US" : language.LanguageCulture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    public async Task<string> WordingAsync(string key) => await _localizationService.GetResourceAsync(key, _language?.Id ?? 0);

    public PluralForm PluralFormOf(long count) => PluralForms.Of(count, _culture.Name);

    public string Number(long value) => value.ToString("N0", _culture);

    public async Task<string> MoneyAsync(decimal amount) => _primaryCurrency == null
        ? amount.ToString("N2", _culture)
        : await _priceFormatter.FormatPriceAsync(amount, true, _primaryCurrency);

    public string Date(DateOnly day) => day.ToString("d", _culture);

    public string Month(int month) => month is >= 1 and <= 12 ? _culture.DateTimeFormat.GetMonthName(month) : $"#{month}";

    // A day of the year in the culture's month-day pattern; the year (a leap year) only lets 29 February through.
    public string MonthDay(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month)
        ? new DateTime(2000, month, day).ToString(_culture.DateTimeFormat.MonthDayPattern, _culture)
        : $"{month:00}-{day:00}";

    public string Name(SegmentEntity kind, int id) => _names.NameOf(kind, id);

    public async Task<string> OrderStatusAsync(int statusId) => Enum.IsDefined(typeof(OrderStatus), statusId)
        ? await _localizationService.GetLocalizedEnumAsync((OrderStatus)statusId, _language?.Id)
        : $"#{statusId}";
}
