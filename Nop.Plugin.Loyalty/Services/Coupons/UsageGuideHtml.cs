using Ganss.Xss;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>Cleans a coupon's usage guide from the admin's rich text editor: formatting stays, scripts and handlers go.</summary>
public static class UsageGuideHtml
{
    // Thread-safe once configured; the defaults allow formatting, links and images but no script, style or event handler.
    private static readonly HtmlSanitizer Sanitizer = new();

    /// <summary>The sanitized HTML; null for an empty guide.</summary>
    public static string Sanitize(string html) =>
        string.IsNullOrWhiteSpace(html) ? null : Sanitizer.Sanitize(html).Trim() is { Length: > 0 } clean ? clean : null;
}
