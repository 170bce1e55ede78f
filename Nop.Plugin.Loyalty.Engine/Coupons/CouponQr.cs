using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>
/// The token in a copy's QR link: the copy and its holder, signed with HMAC-SHA256 under the store's key (which the
/// caller supplies and keeps secret), so staff opening the link know it was issued by the store and not edited.
/// </summary>
public static class CouponQr
{
    private const string Version = "c1";

    /// <summary>A key of 32 random bytes, for a store that has none yet.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>"c1.{copyId}.{customerId}.{signature}", URL-safe.</summary>
    public static string Sign(int copyId, int customerId, byte[] key)
    {
        CheckKey(key);
        return $"{Version}.{copyId.ToString(CultureInfo.InvariantCulture)}.{customerId.ToString(CultureInfo.InvariantCulture)}.{Signature(copyId, customerId, key)}";
    }

    /// <summary>
    /// The copy and holder a token names; throws <see cref="LoyaltyRuleException"/> (<see cref="CouponResourceKeys.QrInvalid"/>)
    /// for a token that is malformed, signed with another key, or edited.
    /// </summary>
    public static (int CopyId, int CustomerId) Verify(string? token, byte[] key)
    {
        CheckKey(key);
        var parts = (token ?? "").Trim().Split('.');
        if (parts.Length != 4 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var copyId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var customerId)
            // Round trip: "007" or "+7" would parse to a number whose signature differs from what was signed.
            || parts[1] != copyId.ToString(CultureInfo.InvariantCulture) || parts[2] != customerId.ToString(CultureInfo.InvariantCulture))
            throw new LoyaltyRuleException(CouponResourceKeys.QrInvalid);

        var expected = Encoding.ASCII.GetBytes(Signature(copyId, customerId, key));
        var given = Encoding.ASCII.GetBytes(parts[3]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
            throw new LoyaltyRuleException(CouponResourceKeys.QrInvalid);
        return (copyId, customerId);
    }

    private static string Signature(int copyId, int customerId, byte[] key) =>
        Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"loyalty-coupon-copy:{copyId}:{customerId}")));

    private static void CheckKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
            throw new ArgumentException("A signing key needs at least 16 bytes.", nameof(key));
    }

    /// <summary>Base64 without padding, '+' and '/' replaced: safe in a URL as it is.</summary>
    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
