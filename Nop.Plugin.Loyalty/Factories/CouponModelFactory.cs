using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Models.Coupons;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Models of the coupon definition pages: the list and the create/edit form.</summary>
public class CouponModelFactory
{
    private const string Prefix = "Plugins.Misc.Loyalty.Coupons.";
    private const int PictureSize = 200;

    private readonly CouponDefinitionService _coupons;
    private readonly IDiscountService _discountService;
    private readonly ILocalizationService _localizationService;
    private readonly IPictureService _pictureService;
    private readonly LoyaltyDates _dates;

    public CouponModelFactory(CouponDefinitionService coupons,
        IDiscountService discountService,
        ILocalizationService localizationService,
        IPictureService pictureService,
        LoyaltyDates dates)
    {
        _coupons = coupons;
        _discountService = discountService;
        _localizationService = localizationService;
        _pictureService = pictureService;
        _dates = dates;
    }

    private Task<string> ResourceAsync(string suffix) => _localizationService.GetResourceAsync(Prefix + suffix);

    public Task<string> FormatErrorAsync(ValidationError error) => LocalizedMessages.FormatAsync(_localizationService, error);

    public Task<string> FormatMessageAsync(string resourceKey, IEnumerable<object> arguments) =>
        LocalizedMessages.FormatAsync(_localizationService, resourceKey, arguments);

    public Task<string> SharingTextAsync(SharingMode mode) => ResourceAsync("Fields.SharingMode." + mode);

    public CouponSearchModel PrepareSearchModel(CouponSearchModel searchModel)
    {
        searchModel ??= new CouponSearchModel();
        searchModel.SetGridPageSize();
        return searchModel;
    }

    public async Task<CouponListModel> PrepareListModelAsync(CouponSearchModel searchModel)
    {
        ArgumentNullException.ThrowIfNull(searchModel);
        var coupons = await _coupons.SearchAsync(searchModel.SearchTitle, searchModel.SearchWithdrawn, searchModel.Page - 1, searchModel.PageSize);
        var discounts = (await _discountService.GetAllDiscountsAsync(showHidden: true, isActive: null)).ToDictionary(d => d.Id, d => d.Name);

        return await new CouponListModel().PrepareToGridAsync(searchModel, coupons, () => coupons.SelectAwait(async coupon => new CouponRowModel
        {
            Id = coupon.Id,
            Title = coupon.Title,
            Validity = await ValidityTextAsync(coupon),
            Uses = coupon.Uses,
            Sharing = await SharingTextAsync((SharingMode)coupon.SharingModeId),
            Discount = coupon.DiscountId is { } id ? discounts.GetValueOrDefault(id) : null,
            DisplayOrder = coupon.DisplayOrder,
            CreatedOn = await _dates.InstantAsync(coupon.CreatedOnUtc, DateAudience.Admin)
        }));
    }

    /// <summary>"10 days from receipt", or the period's days in the store's time zone.</summary>
    public async Task<string> ValidityTextAsync(Coupon coupon)
    {
        if (coupon.ValidDays is { } days)
            return string.Format(await ResourceAsync("Admin.ValidityDays"), days);
        var terms = _coupons.TermsOf(coupon);
        var culture = CultureInfo.CurrentCulture;
        var to = terms.ValidTo is { } last ? LoyaltyDates.Day(last, culture, DateAudience.Admin) : string.Empty;
        return terms.ValidFrom is { } first
            ? string.Format(await ResourceAsync("Admin.ValidityPeriod"), LoyaltyDates.Day(first, culture, DateAudience.Admin), to)
            : string.Format(await ResourceAsync("Admin.ValidityUntil"), to);
    }

    /// <summary>
    /// The form: from the stored coupon when <paramref name="model"/> is null, else the posted model with its lists filled
    /// again (nothing the admin typed is lost).
    /// </summary>
    public async Task<CouponModel> PrepareModelAsync(CouponModel model, Coupon coupon)
    {
        if (model == null)
        {
            model = new CouponModel { ValidityKindId = (int)CouponValidityKind.DaysFromReceipt, ValidDays = 30, Uses = 1 };
            if (coupon != null)
            {
                var terms = _coupons.TermsOf(coupon);
                model.Id = coupon.Id;
                model.Title = coupon.Title;
                model.BenefitText = coupon.BenefitText;
                model.PictureId = coupon.PictureId;
                model.ValidityKindId = (int)terms.Validity;
                model.ValidFrom = terms.ValidFrom?.ToDateTime(TimeOnly.MinValue);
                model.ValidTo = terms.ValidTo?.ToDateTime(TimeOnly.MinValue);
                model.ValidDays = terms.ValidDays;
                model.Uses = coupon.Uses;
                model.SharingModeId = coupon.SharingModeId;
                model.UsedUpShareable = coupon.UsedUpShareable;
                model.UsageGuideHtml = coupon.UsageGuideHtml;
                model.Code = coupon.Code;
                model.ShowCode = coupon.ShowCode;
                model.DiscountId = coupon.DiscountId ?? 0;
                model.DisplayOrder = coupon.DisplayOrder;
            }
        }

        if (coupon != null)
        {
            model.Withdrawn = coupon.Deleted;
            model.CreatedOn = await _dates.InstantAsync(coupon.CreatedOnUtc, DateAudience.Admin);
        }

        if (model.PictureId > 0)
            model.PictureUrl = await _pictureService.GetPictureUrlAsync(model.PictureId, PictureSize, showDefaultPicture: false);

        foreach (var kind in new[] { CouponValidityKind.DaysFromReceipt, CouponValidityKind.Period })
            model.AvailableValidityKinds.Add(new SelectListItem(await ResourceAsync("Fields.Validity." + kind), ((int)kind).ToString(CultureInfo.InvariantCulture)));
        foreach (var mode in Enum.GetValues<SharingMode>())
            model.AvailableSharingModes.Add(new SelectListItem(await SharingTextAsync(mode), ((int)mode).ToString(CultureInfo.InvariantCulture)));

        model.AvailableDiscounts.Add(new SelectListItem(await ResourceAsync("Admin.NoDiscount"), "0"));
        foreach (var discount in (await _discountService.GetAllDiscountsAsync(showHidden: true, isActive: null)).OrderBy(d => d.Name))
            model.AvailableDiscounts.Add(new SelectListItem(discount.Name, discount.Id.ToString(CultureInfo.InvariantCulture)));
        return model;
    }
}
