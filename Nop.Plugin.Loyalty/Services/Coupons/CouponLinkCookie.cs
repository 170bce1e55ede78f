using Microsoft.AspNetCore.Http;
using Nop.Plugin.Loyalty.Engine.Coupons;

namespace Nop.Plugin.Loyalty.Services.Coupons;

/// <summary>
/// The shared links a visitor opened before registering, kept in a cookie so that their registration can credit the
/// first sharer (the engine's referral step decides who). Only tokens are kept: they name shares, not people.
/// </summary>
public class CouponLinkCookie
{
    public const string Name = ".Loyalty.CouponLinks";

    /// <summary>Long enough for a friend who registers some days after opening the link.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IHttpContextAccessor _httpContextAccessor;

    public CouponLinkCookie(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    /// <summary>The tokens remembered for this visitor, oldest first.</summary>
    public IReadOnlyList<string> Read() => Parse(_httpContextAccessor.HttpContext?.Request.Cookies[Name]);

    /// <summary>Adds a link's token (once; the most recent <see cref="CouponPipeline.MaxFollowedTokens"/> are kept).</summary>
    public void Remember(string token)
    {
        var context = _httpContextAccessor.HttpContext;
        if (context == null || string.IsNullOrEmpty(token) || token.Length > 128 || token.Contains(Separator))
            return;
        var tokens = Parse(context.Request.Cookies[Name]).Where(t => t != token).Append(token)
            .TakeLast(CouponPipeline.MaxFollowedTokens);
        context.Response.Cookies.Append(Name, string.Join(Separator, tokens), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Expires = DateTimeOffset.UtcNow.Add(Lifetime)
        });
    }

    /// <summary>Forgets the tokens once a registration has used them.</summary>
    public void Clear() => _httpContextAccessor.HttpContext?.Response.Cookies.Delete(Name);

    public static IReadOnlyList<string> Parse(string value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private const char Separator = '|';
}
