using Nop.Plugin.Loyalty.Engine.Validation;

namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>The kinds of image a coupon may show.</summary>
public enum CouponImageKind
{
    Jpeg = 1,
    Png = 2
}

/// <summary>Checks a coupon image by its content, never by its name or the browser's content type.</summary>
public static class CouponImage
{
    public const int MaxBytes = 10 * 1024 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The image's kind, or the rule it breaks: empty, over 10 MB, or neither JPEG nor PNG by its first bytes.</summary>
    public static (CouponImageKind? Kind, ValidationError? Error) Check(ReadOnlySpan<byte> content)
    {
        const string field = "Image";
        if (content.IsEmpty)
            return (null, new(field, CouponResourceKeys.ImageEmpty));
        if (content.Length > MaxBytes)
            return (null, new(field, CouponResourceKeys.ImageTooLarge, MaxBytes / (1024 * 1024)));
        if (content.StartsWith(PngSignature))
            return (CouponImageKind.Png, null);
        if (content.StartsWith(JpegSignature))
            return (CouponImageKind.Jpeg, null);
        return (null, new(field, CouponResourceKeys.ImageNotJpegOrPng));
    }

    /// <summary>The MIME type nopCommerce stores the picture with.</summary>
    public static string MimeType(CouponImageKind kind) => kind == CouponImageKind.Png ? "image/png" : "image/jpeg";
}
