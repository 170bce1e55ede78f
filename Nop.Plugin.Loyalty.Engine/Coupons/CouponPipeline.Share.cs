namespace Nop.Plugin.Loyalty.Engine.Coupons;

public sealed partial class CouponPipeline
{
    /// <summary>The most link tokens a registration is credited from (a visitor's cookie holds no more).</summary>
    public const int MaxFollowedTokens = 50;

    /// <summary>
    /// Shares a copy by link: checks <see cref="SharingRules.RefuseShare"/> and stores a share with a new unguessable
    /// token, claimable until the sharer's copy ends. Shares are unlimited; the sharer's copy is not touched.
    /// </summary>
    public async Task<ShareRow> ShareByLinkAsync(int copyId, int sharerCustomerId)
    {
        var (coupon, copy) = await FindCopyAsync(copyId);
        var now = Now();
        if (SharingRules.RefuseShare(coupon, copy, sharerCustomerId, now) is { } refusal)
            throw Refused(refusal, copyId);

        var share = NewShare(copy, ShareChannel.Link, null, now);
        share.Id = await _writer.InsertShareAsync(share);
        await TellAsync(() => _observer.SharedAsync(share, null), $"telling about share {share.Id}");
        return share;
    }

    /// <summary>
    /// Shares a copy with the registered customer who signs in with <paramref name="email"/>: they get a fresh copy at
    /// once (full uses, their own validity), which they cannot share on. Refused for an email no registered customer has
    /// and for the sharer's own.
    /// </summary>
    public async Task<(ShareRow Share, CopyRow Copy)> ShareByEmailAsync(int copyId, int sharerCustomerId, string email)
    {
        var (coupon, copy) = await FindCopyAsync(copyId);
        var now = Now();
        if (SharingRules.RefuseShare(coupon, copy, sharerCustomerId, now) is { } refusal)
            throw Refused(refusal, copyId);

        var address = (email ?? "").Trim().ToLowerInvariant();
        var sources = await _data.GetSourcesAsync();
        var recipientId = address.Length == 0
            ? (int?)null
            : (await _data.ToListAsync(sources.RegisteredCustomers()
                .Where(c => c.Email != null && c.Email.ToLower() == address)
                .OrderBy(c => c.Id)
                .Select(c => (int?)c.Id)
                .Take(1))).FirstOrDefault();
        if (recipientId is not { } recipient)
            throw Refused(CouponResourceKeys.ShareEmailUnknown, email ?? "");
        if (recipient == sharerCustomerId)
            throw Refused(CouponResourceKeys.ShareToSelf);

        var share = NewShare(copy, ShareChannel.Email, recipient, now);
        CopyRow given;
        using (var work = _writer.Begin())
        {
            share.Id = await _writer.InsertShareAsync(share);
            given = FreshCopy(coupon, recipient, CopyOrigin.Share, share.Id, sharerCustomerId, now);
            given.Id = await _writer.InsertCopyAsync(given);
            work.Complete();
        }

        await TellAsync(() => _observer.SharedAsync(share, given), $"telling about share {share.Id}");
        return (share, given);
    }

    /// <summary>
    /// Claims a shared link for a signed-in customer: a fresh copy (full uses, its own validity) they cannot share on.
    /// Refused for an unknown or expired link, the sharer's own, an email share meant for someone else, and a second
    /// claim of the same link by the same customer (the unique index decides a race: exactly one copy).
    /// </summary>
    public async Task<CopyRow> ClaimAsync(string token, int customerId)
    {
        var share = await FindShareAsync(token) ?? throw Refused(CouponResourceKeys.LinkUnknown);
        var coupon = await FindCouponAsync(share.CouponId) ?? throw Refused(CouponResourceKeys.LinkUnknown);
        var now = Now();
        if (SharingRules.RefuseClaim(coupon, share, customerId, now) is { } refusal)
            throw Refused(refusal);

        var (shareId, origin) = (share.Id, (int)CopyOrigin.Share);
        var held = await _data.ToListAsync(_data.Copies
            .Where(c => c.OriginId == origin && c.SourceId == shareId && c.CustomerId == customerId)
            .Select(c => c.Id)
            .Take(1));
        if (held.Count > 0)
            throw Refused(CouponResourceKeys.LinkAlreadyClaimed);

        var copy = FreshCopy(coupon, customerId, CopyOrigin.Share, share.Id, share.SharerCustomerId, now);
        copy.Id = await _writer.TryInsertCopyAsync(copy) ?? throw Refused(CouponResourceKeys.LinkAlreadyClaimed);
        await TellAsync(() => _observer.ClaimedAsync(share, copy), $"telling about claim of share {share.Id}");
        return copy;
    }

    /// <summary>
    /// Credits a referral when shared links led to a customer's first registration: the plugin passes the link tokens the
    /// visitor followed before registering. The sharer of the earliest of those shares (by share time) gets +1; later
    /// sharers nothing, and a customer is referred at most once. Returns the referral, or null when none is credited.
    /// </summary>
    public async Task<ReferralRow?> CreditReferralAsync(int registeredCustomerId, IEnumerable<string> followedTokens)
    {
        ArgumentNullException.ThrowIfNull(followedTokens);
        var tokens = followedTokens.Where(IsTokenShaped).Distinct().Take(MaxFollowedTokens).ToArray();
        if (tokens.Length == 0)
            return null;
        var referred = await _data.ToListAsync(_data.Referrals.Where(r => r.ReferredCustomerId == registeredCustomerId).Select(r => r.Id).Take(1));
        if (referred.Count > 0)
            return null;

        var now = Now();
        var (link, before) = ((int)ShareChannel.Link, Column(now));
        var first = (await _data.ToListAsync(_data.Shares
                .Where(s => tokens.Contains(s.Token) && s.ChannelId == link && s.SharerCustomerId != registeredCustomerId && s.SharedOnUtc <= before)
                .OrderBy(s => s.SharedOnUtc)
                .ThenBy(s => s.Id)
                .Take(1)))
            .FirstOrDefault();
        if (first == null)
            return null;

        var referral = new ReferralRow
        {
            ReferredCustomerId = registeredCustomerId,
            SharerCustomerId = first.SharerCustomerId,
            ShareId = first.Id,
            CreditedOnUtc = now
        };
        if (!await _writer.TryInsertReferralAsync(referral))
            return null;
        await TellAsync(() => _observer.ReferralCreditedAsync(referral), $"telling about referral of customer {registeredCustomerId}");
        return referral;
    }

    /// <summary>
    /// What a shared link offers, for its page before the claim: the share and its coupon, or null for an unknown link.
    /// </summary>
    public async Task<(ShareRow Share, CouponRow Coupon)?> ReadLinkAsync(string? token)
    {
        var share = await FindShareAsync(token);
        var coupon = share == null ? null : await FindCouponAsync(share.CouponId);
        return share == null || coupon == null ? null : (share, coupon);
    }

    /// <summary>Why <paramref name="customerId"/> could not claim the link now (<see cref="SharingRules.RefuseClaim"/>), or null.</summary>
    public string? RefuseClaimNow(CouponRow coupon, ShareRow share, int customerId) => SharingRules.RefuseClaim(coupon, share, customerId, Now());

    /// <summary>The share a link names, or null.</summary>
    public async Task<ShareRow?> FindShareAsync(string? token)
    {
        if (!IsTokenShaped(token))
            return null;
        return (await _data.ToListAsync(_data.Shares.Where(s => s.Token == token))).FirstOrDefault();
    }

    private static ShareRow NewShare(CopyRow copy, ShareChannel channel, int? recipient, DateTime nowUtc) => new()
    {
        CouponId = copy.CouponId,
        CopyId = copy.Id,
        SharerCustomerId = copy.CustomerId,
        Token = NewToken(),
        ChannelId = (int)channel,
        RecipientCustomerId = recipient,
        SharedOnUtc = nowUtc,
        ExpiresOnUtc = copy.ValidUntilUtc
    };

    /// <summary>Whether a string could be a token at all: anything else is refused before it reaches a query.</summary>
    private static bool IsTokenShaped(string? token) =>
        token is { Length: TokenLength } && token.All(char.IsAsciiHexDigitLower);

    private const int TokenLength = 64;
}
