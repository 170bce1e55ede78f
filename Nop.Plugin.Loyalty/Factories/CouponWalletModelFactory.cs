using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Models.Customer;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Plugin.Loyalty.Services.Localization;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Media;

namespace Nop.Plugin.Loyalty.Factories;

/// <summary>Prepares the customer's coupon pages (wallet, copy, claim) and the in-store page staff open from a QR code.</summary>
public class CouponWalletModelFactory
{
    public const int WalletPageSize = 20;
    private const int ThumbnailSize = 240;
    private const int DetailPictureSize = 480;
    private const string Resource = "Plugins.Misc.Loyalty.Coupons.Wallet.";

    private readonly CouponPipeline _pipeline;
    private readonly CouponSigningKey _signingKey;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly IPictureService _pictureService;
    private readonly IWebHelper _webHelper;
    private readonly LoyaltyDates _dates;
    private readonly TimeProvider _clock;

    public CouponWalletModelFactory(CouponPipeline pipeline,
        CouponSigningKey signingKey,
        ICustomerService customerService,
        ILocalizationService localizationService,
        IPictureService pictureService,
        IWebHelper webHelper,
        LoyaltyDates dates,
        TimeProvider clock)
    {
        _clock = clock;
        _pipeline = pipeline;
        _signingKey = signingKey;
        _customerService = customerService;
        _localizationService = localizationService;
        _pictureService = pictureService;
        _webHelper = webHelper;
        _dates = dates;
    }

    /// <summary>One page of a wallet tab; <paramref name="after"/> is a previous page's <see cref="CouponWalletModel.Next"/>.</summary>
    public async Task<CouponWalletModel> PrepareWalletAsync(Customer customer, CopyStatus tab, string after)
    {
        var cursor = ParseCursor(after);
        var page = await _pipeline.WalletAsync(customer.Id, tab, cursor, WalletPageSize);
        var model = new CouponWalletModel
        {
            Tab = tab,
            IsContinued = cursor != null,
            Next = page.Next is { } next ? FormatCursor(next) : null,
            TimeZoneName = await _dates.ViewerZoneNameAsync()
        };
        foreach (var item in page.Items)
            model.Items.Add(await FillCardAsync(new CouponCardModel(), item, ThumbnailSize));
        return model;
    }

    /// <summary>
    /// A copy's page, for its holder; null when the copy is not theirs. Opening it is the copy's "first viewed".
    /// <paramref name="sharedLink"/> is a link a share just created, to show.
    /// </summary>
    public async Task<CouponCopyModel> PrepareCopyAsync(Customer customer, int copyId, string sharedLink = null)
    {
        var item = await _pipeline.FindWalletItemAsync(copyId, customer.Id);
        if (item == null)
            return null;
        await _pipeline.MarkViewedAsync(copyId, customer.Id);

        var model = await FillCardAsync(new CouponCopyModel(), item, DetailPictureSize);
        model.UsageGuideHtml = item.UsageGuideHtml;
        model.Code = item.Code;
        model.CanUse = item.CanUse;
        model.CanShare = item.CanShare;
        model.IsShareOnly = item.SharingModeId == (int)SharingMode.ShareOnly && item.OriginId == (int)CopyOrigin.Store;
        model.SharedLink = sharedLink;
        model.TimeZoneName = await _dates.ViewerZoneNameAsync();
        if (item.CanUse)
        {
            model.QrLink = RedeemUrl(CouponQr.Sign(item.CopyId, customer.Id, await _signingKey.GetAsync()));
            model.QrImage = CouponQrImage.PngDataUri(model.QrLink);
        }

        return model;
    }

    /// <summary>The page a shared link opens, for the current visitor (signed in or not).</summary>
    public async Task<CouponClaimModel> PrepareClaimAsync(string token, Customer visitor, bool isSignedIn)
    {
        var model = new CouponClaimModel { Token = token, IsSignedIn = isSignedIn };
        if (await _pipeline.ReadLinkAsync(token) is not { } link)
        {
            model.Refusal = await MessageAsync(CouponResourceKeys.LinkUnknown);
            return model;
        }

        var (share, coupon) = link;

        model.Title = coupon.Title;
        model.Benefit = coupon.BenefitText;
        model.PictureUrl = await PictureAsync(coupon.PictureId, DetailPictureSize);
        model.SharerName = await NameAsync(share.SharerCustomerId);
        // Said before the claim, so that the sharer and a late friend are not sent to sign in for nothing.
        if (_pipeline.RefuseClaimNow(coupon, share, isSignedIn ? visitor.Id : 0) is { } refusal
            && (isSignedIn || refusal != CouponResourceKeys.LinkForSomeoneElse))
            model.Refusal = await MessageAsync(refusal);
        return model;
    }

    /// <summary>What a scanned QR link names, for the staff member about to press Use.</summary>
    public async Task<CouponRedeemModel> PrepareRedeemAsync(string token)
    {
        var model = new CouponRedeemModel { Token = token, IsStaff = true, IsSignedIn = true };
        try
        {
            var (coupon, copy) = await _pipeline.ReadQrAsync(token, await _signingKey.GetAsync());
            var holder = await _customerService.GetCustomerByIdAsync(copy.CustomerId);
            model.CustomerName = holder == null ? "" : await _customerService.GetCustomerFullNameAsync(holder);
            model.CustomerEmail = holder?.Email ?? "";
            model.Title = coupon.Title;
            model.Benefit = coupon.BenefitText;
            model.Validity = await ValidityAsync(copy.ValidFromUtc, copy.ValidUntilUtc);
            model.UsesLeft = await UsesLeftAsync(copy.UsesLeft, copy.UsesTotal);
            if (_pipeline.RefuseUseNow(coupon, copy) is { } refusal)
                model.Refusal = await MessageAsync(refusal);
        }
        catch (LoyaltyRuleException e)
        {
            model.Error = await MessageAsync(e);
        }

        return model;
    }

    /// <summary>The localized message of a refused coupon step.</summary>
    public Task<string> MessageAsync(LoyaltyRuleException e) => LocalizedMessages.FormatAsync(_localizationService, e.ResourceKey, e.Arguments);

    private Task<string> MessageAsync(string resourceKey) => LocalizedMessages.FormatAsync(_localizationService, resourceKey, []);

    /// <summary>The absolute link a copy's QR code holds: staff open it with any phone camera.</summary>
    public string RedeemUrl(string token) => $"{_webHelper.GetStoreLocation()}coupons/use/{token}";

    /// <summary>The absolute link of a share, to send to a friend.</summary>
    public string ClaimUrl(string token) => $"{_webHelper.GetStoreLocation()}coupons/claim/{token}";

    private async Task<T> FillCardAsync<T>(T card, WalletItem item, int pictureSize) where T : CouponCardModel
    {
        card.CopyId = item.CopyId;
        card.Title = item.Title;
        card.Benefit = item.BenefitText;
        card.PictureUrl = await PictureAsync(item.PictureId, pictureSize);
        card.Validity = await ValidityAsync(item.ValidFromUtc, item.ValidUntilUtc);
        card.UsesLeft = await UsesLeftAsync(item.UsesLeft, item.UsesTotal);
        card.Status = item.Status;
        card.SharedBy = item.SharedByCustomerId is { } sharer ? await NameAsync(sharer) : "";
        return card;
    }

    private async Task<string> PictureAsync(int pictureId, int size) =>
        pictureId > 0 ? await _pictureService.GetPictureUrlAsync(pictureId, size, showDefaultPicture: false) ?? "" : "";

    /// <summary>"Valid through …", or "Valid from … through …" while the copy has not begun; long dates, the viewer's zone.</summary>
    private async Task<string> ValidityAsync(DateTime fromUtc, DateTime untilUtc)
    {
        var until = await _dates.ExpiryAsync(untilUtc, DateAudience.Customer);
        return fromUtc > _clock.GetUtcNow().UtcDateTime
            ? string.Format(await _localizationService.GetResourceAsync(Resource + "ValidFromThrough"),
                await _dates.DayAsync(fromUtc, DateAudience.Customer), until)
            : string.Format(await _localizationService.GetResourceAsync(Resource + "ValidThrough"), until);
    }

    private async Task<string> UsesLeftAsync(int left, int total) =>
        total == 1
            ? await _localizationService.GetResourceAsync(Resource + (left > 0 ? "SingleUse" : "SingleUseUsed"))
            : await _localizationService.GetCountTextAsync(Resource + "UsesLeft", left, total.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>A customer's name as other customers see it: never their email.</summary>
    private async Task<string> NameAsync(int customerId)
    {
        var customer = await _customerService.GetCustomerByIdAsync(customerId);
        var name = customer == null ? "" : await _customerService.GetCustomerFullNameAsync(customer);
        return string.IsNullOrWhiteSpace(name) ? await _localizationService.GetResourceAsync(Resource + "AFriend") : name;
    }

    /// <summary>"{ticks}-{copy id}" of the last copy on a page.</summary>
    public static string FormatCursor(WalletCursor cursor) =>
        string.Create(CultureInfo.InvariantCulture, $"{cursor.ValidUntilUtc.Ticks}-{cursor.CopyId}");

    /// <summary>The cursor in a page link; null (the tab's first page) for a missing or edited one.</summary>
    public static WalletCursor ParseCursor(string value)
    {
        var parts = (value ?? "").Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var copyId)
            ? new WalletCursor(new DateTime(ticks, DateTimeKind.Utc), copyId)
            : null;
    }
}
