using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Validation;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models;
using Nop.Plugin.Loyalty.Models.Coupons;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Services.Messages;
using Nop.Services.Seo;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Loyalty.Controllers;

/// <summary>
/// Admin pages of coupon definitions (Promotions &gt; Loyalty &gt; Coupons): the list, create/edit with the image and
/// the usage guide, and withdrawal. The terms are checked by the engine's CouponValidator; each broken rule is shown
/// at its field, and nothing is stored (not even the uploaded image) until every rule holds.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[Route("Admin/Coupons/[action]/{id:int?}")]
public class CouponController : BasePluginController
{
    private const string ViewsPath = LoyaltyUiDefaults.ViewsPath + "Coupons/Admin/";
    private const string Prefix = "Plugins.Misc.Loyalty.Coupons.";
    private const string ImageField = "Image";

    private readonly CouponDefinitionService _coupons;
    private readonly CouponModelFactory _modelFactory;
    private readonly IDiscountService _discountService;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPictureService _pictureService;

    public CouponController(CouponDefinitionService coupons,
        CouponModelFactory modelFactory,
        IDiscountService discountService,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IPictureService pictureService)
    {
        _coupons = coupons;
        _modelFactory = modelFactory;
        _discountService = discountService;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _pictureService = pictureService;
    }

    #region Utilities

    private Task<string> ResourceAsync(string suffix) => _localizationService.GetResourceAsync(Prefix + suffix);

    private async Task<IActionResult> EditViewAsync(CouponModel model, Coupon coupon) =>
        View(ViewsPath + "Edit.cshtml", await _modelFactory.PrepareModelAsync(model, coupon));

    private static CouponTerms TermsOf(CouponModel model) => new(
        model.Title,
        (CouponValidityKind)model.ValidityKindId,
        model.ValidFrom is { } from ? DateOnly.FromDateTime(from) : null,
        model.ValidTo is { } to ? DateOnly.FromDateTime(to) : null,
        model.ValidDays,
        model.Uses,
        (SharingMode)model.SharingModeId,
        model.UsedUpShareable,
        model.DiscountId > 0 ? model.DiscountId : null,
        model.Code,
        model.ShowCode);

    /// <summary>The model's field a rule of <see cref="CouponValidator"/> concerns.</summary>
    private static string FieldOf(ValidationError error) => error.Field switch
    {
        nameof(CouponTerms.Sharing) => nameof(CouponModel.SharingModeId),
        nameof(CouponTerms.Validity) => nameof(CouponModel.ValidityKindId),
        _ => error.Field
    };

    /// <summary>
    /// Checks the terms, the linked discount and the uploaded image; false with each problem shown at its field. The
    /// image is checked by its size before it is read, then by its content; the bytes of a good one are returned.
    /// </summary>
    private async Task<(bool Valid, byte[] Image, CouponImageKind Kind)> ValidateAsync(CouponModel model, IFormFile image)
    {
        var errors = _coupons.Check(TermsOf(model)).ToList();
        if (model.DiscountId > 0 && await _discountService.GetDiscountByIdAsync(model.DiscountId) == null)
            errors.Add(new ValidationError(nameof(CouponModel.DiscountId), CouponResourceKeys.DiscountInvalid));

        byte[] content = null;
        var kind = default(CouponImageKind);
        if (image != null && (image.Length > 0 || !string.IsNullOrEmpty(image.FileName)))
        {
            if (image.Length > CouponImage.MaxBytes)
                errors.Add(new ValidationError(ImageField, CouponResourceKeys.ImageTooLarge, CouponImage.MaxBytes / (1024 * 1024)));
            else
            {
                content = await ReadAtMostAsync(image, CouponImage.MaxBytes + 1);
                var (checkedKind, error) = CouponImage.Check(content);
                if (error != null)
                {
                    errors.Add(error);
                    content = null;
                }
                else
                    kind = checkedKind!.Value;
            }
        }

        foreach (var error in errors)
            ModelState.AddModelError(FieldOf(error), await _modelFactory.FormatErrorAsync(error));
        return (ModelState.IsValid, content, kind);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes, whatever length the request claimed.</summary>
    private static async Task<byte[]> ReadAtMostAsync(IFormFile file, int limit)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    /// <summary>The picture the coupon shows after this save: a new upload, none when removed, else the one it had.</summary>
    private async Task<int> PictureIdAsync(CouponModel model, byte[] image, CouponImageKind kind, int current)
    {
        if (image != null)
        {
            var picture = await _pictureService.InsertPictureAsync(image, CouponImage.MimeType(kind),
                await _pictureService.GetPictureSeNameAsync(model.Title));
            return picture.Id;
        }

        return model.RemovePicture ? 0 : current;
    }

    /// <summary>Removes a picture the coupon no longer shows.</summary>
    private async Task DeletePictureAsync(int pictureId)
    {
        if (pictureId > 0 && await _pictureService.GetPictureByIdAsync(pictureId) is { } picture)
            await _pictureService.DeletePictureAsync(picture);
    }

    private static CouponDisplay DisplayOf(CouponModel model, int pictureId) =>
        new(string.IsNullOrWhiteSpace(model.BenefitText) ? null : model.BenefitText.Trim(), pictureId,
            UsageGuideHtml.Sanitize(model.UsageGuideHtml), model.DisplayOrder);

    #endregion

    #region List

    [Route("/Admin/Coupons")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult Index() => RedirectToAction(nameof(List));

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public IActionResult List() => View(ViewsPath + "List.cshtml", _modelFactory.PrepareSearchModel(new CouponSearchModel()));

    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> CouponList(CouponSearchModel searchModel) =>
        Json(await _modelFactory.PrepareListModelAsync(searchModel));

    #endregion

    #region Create / edit / withdraw

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create() => await EditViewAsync(null, null);

    [HttpPost, ParameterBasedOnFormName("save-continue", "continueEditing")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Create(CouponModel model, IFormFile image, bool continueEditing)
    {
        model.PictureId = 0;
        var (valid, content, kind) = await ValidateAsync(model, image);
        if (!valid)
            return await EditViewAsync(model, null);

        var pictureId = await PictureIdAsync(model, content, kind, 0);
        int id;
        try
        {
            id = await _coupons.CreateAsync(TermsOf(model), DisplayOf(model, pictureId));
        }
        catch (LoyaltyRuleException exception)
        {
            await DeletePictureAsync(pictureId);
            model.Errors.Add(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
            return await EditViewAsync(model, null);
        }

        _notificationService.SuccessNotification(await ResourceAsync("Admin.Added"));
        return continueEditing ? RedirectToAction(nameof(Edit), new { id }) : RedirectToAction(nameof(List));
    }

    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Edit(int id)
    {
        var coupon = await _coupons.GetByIdAsync(id);
        return coupon == null ? RedirectToAction(nameof(List)) : await EditViewAsync(null, coupon);
    }

    [HttpPost, ParameterBasedOnFormName("save-continue", "continueEditing")]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Edit(CouponModel model, IFormFile image, bool continueEditing)
    {
        var coupon = await _coupons.GetByIdAsync(model.Id);
        if (coupon == null)
            return RedirectToAction(nameof(List));
        model.PictureId = coupon.PictureId;

        var (valid, content, kind) = await ValidateAsync(model, image);
        if (!valid)
            return await EditViewAsync(model, coupon);

        var before = coupon.PictureId;
        var pictureId = await PictureIdAsync(model, content, kind, before);
        try
        {
            await _coupons.UpdateAsync(coupon, TermsOf(model), DisplayOf(model, pictureId));
        }
        catch (LoyaltyRuleException exception)
        {
            if (pictureId != before)
                await DeletePictureAsync(pictureId);
            model.Errors.Add(await _modelFactory.FormatMessageAsync(exception.ResourceKey, exception.Arguments));
            return await EditViewAsync(model, coupon);
        }

        if (pictureId != before)
            await DeletePictureAsync(before);
        _notificationService.SuccessNotification(await ResourceAsync("Admin.Updated"));
        return continueEditing ? RedirectToAction(nameof(Edit), new { id = coupon.Id }) : RedirectToAction(nameof(List));
    }

    /// <summary>Withdraws a coupon: it is no longer issued or usable, and its history stays.</summary>
    [HttpPost]
    [CheckPermission(LoyaltyUiDefaults.ManageLoyaltyPermission)]
    public async Task<IActionResult> Withdraw(int id)
    {
        var coupon = await _coupons.GetByIdAsync(id);
        if (coupon == null)
            return RedirectToAction(nameof(List));
        await _coupons.WithdrawAsync(coupon);
        _notificationService.SuccessNotification(await ResourceAsync("Admin.Withdrawn"));
        return RedirectToAction(nameof(List));
    }

    #endregion
}
