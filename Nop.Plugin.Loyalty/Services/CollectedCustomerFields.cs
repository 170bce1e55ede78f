using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Loyalty.Services;

/// <summary>The customer fields the store collects, read from nopCommerce's customer settings.</summary>
public class CollectedCustomerFields
{
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;

    public CollectedCustomerFields(ISettingService settingService, IStoreService storeService)
    {
        _settingService = settingService;
        _storeService = storeService;
    }

    /// <summary>The fields any of the stores collects: a segment counts the customers of every store.</summary>
    public virtual async Task<IReadOnlySet<CustomerField>> GetAsync()
    {
        var collected = new HashSet<CustomerField>();
        foreach (var store in await _storeService.GetAllStoresAsync())
            collected.UnionWith(Of(await _settingService.LoadSettingAsync<CustomerSettings>(store.Id)));
        return collected;
    }

    /// <summary>The fields one store's settings let customers enter.</summary>
    /// <remarks>
    /// The state field is offered only with the country field; the newsletter is subscribed to at registration, on the
    /// customer info page, or in the newsletter block.
    /// </remarks>
    public static IEnumerable<CustomerField> Of(CustomerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DateOfBirthEnabled)
            yield return CustomerField.DateOfBirth;
        if (settings.GenderEnabled)
            yield return CustomerField.Gender;
        if (settings.CountryEnabled)
            yield return CustomerField.Country;
        if (settings.CountryEnabled && settings.StateProvinceEnabled)
            yield return CustomerField.StateProvince;
        if (settings.NewsletterEnabled || !settings.HideNewsletterBlock)
            yield return CustomerField.Newsletter;
    }
}
