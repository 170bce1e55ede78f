using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Services.Helpers;
using Nop.Services.Localization;

namespace Nop.Plugin.Loyalty.Services.Points;

/// <summary>Ledger messages from the store's resources, as nopCommerce writes its own reward point messages.</summary>
public class NopLedgerTexts : ILedgerTexts
{
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;

    public NopLedgerTexts(IDateTimeHelper dateTimeHelper, ILocalizationService localizationService)
    {
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
    }

    /// <summary>nopCommerce's own "expired" message, naming when the lot became active.</summary>
    public async Task<string> ExpiredAsync(LedgerEntryRow lot)
    {
        var format = await _localizationService.GetResourceAsync(LoyaltyDefaults.ExpiredMessageResource);
        return string.Format(format, await _dateTimeHelper.ConvertToUserTimeAsync(lot.CreatedOnUtc, DateTimeKind.Utc));
    }

    public async Task<string> RevokedAsync(GrantRow grant) =>
        string.Format(await _localizationService.GetResourceAsync(LoyaltyDefaults.RevokedMessageResource), grant.Name);
}
