using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Services.Configuration;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// The store's key for signing coupon QR links (<see cref="CouponQr"/>): generated once, at install or update or on first
/// use, and kept in <see cref="LoyaltySettings.CouponQrKey"/>. Changing it invalidates every QR code already shown.
/// </summary>
public class CouponSigningKey
{
    private readonly LoyaltySettings _settings;
    private readonly ISettingService _settingService;

    public CouponSigningKey(LoyaltySettings settings, ISettingService settingService)
    {
        _settings = settings;
        _settingService = settingService;
    }

    /// <summary>The key, created and saved first when the store has none.</summary>
    public async Task<byte[]> GetAsync()
    {
        if (TryDecode(_settings.CouponQrKey) is { } key)
            return key;
        await EnsureAsync(_settings, _settingService);
        return Convert.FromBase64String(_settings.CouponQrKey);
    }

    /// <summary>Gives <paramref name="settings"/> a new random key when it has no usable one, and saves it.</summary>
    public static async Task EnsureAsync(LoyaltySettings settings, ISettingService settingService)
    {
        if (TryDecode(settings.CouponQrKey) != null)
            return;
        settings.CouponQrKey = Convert.ToBase64String(CouponQr.NewKey());
        await settingService.SaveSettingAsync(settings, s => s.CouponQrKey);
    }

    private static byte[] TryDecode(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 16 ? buffer[..written] : null;
    }
}
