using QRCoder;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Draws a copy's signed in-store link as a QR code, server-side, for an &lt;img&gt; on the wallet's detail page.</summary>
public static class CouponQrImage
{
    /// <summary>Dots per module: a 300-400 px image that any phone camera reads from a screen.</summary>
    private const int PixelsPerModule = 8;

    /// <summary>The PNG of <paramref name="url"/>, as a data: URI (no second request, no script).</summary>
    public static string PngDataUri(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        using var generator = new QRCodeGenerator();
        // M recovers from 15% damage: a scratched or dim phone screen still reads.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
