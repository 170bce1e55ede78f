namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>One copy in a customer's wallet, with what its page shows and offers.</summary>
public sealed class WalletItem
{
    public int CopyId { get; set; }
    public int CouponId { get; set; }
    public string Title { get; set; } = "";
    public string? BenefitText { get; set; }
    public int PictureId { get; set; }
    public string? UsageGuideHtml { get; set; }

    /// <summary>The coupon's code when it is shown to holders; null otherwise.</summary>
    public string? Code { get; set; }

    public int SharingModeId { get; set; }
    public bool UsedUpShareable { get; set; }
    public int OriginId { get; set; }
    public int? SharedByCustomerId { get; set; }
    public DateTime ReceivedOnUtc { get; set; }
    public DateTime ValidFromUtc { get; set; }
    public DateTime ValidUntilUtc { get; set; }
    public int UsesTotal { get; set; }
    public int UsesLeft { get; set; }

    /// <summary>Set by the engine from the copy and the time of the query.</summary>
    public CopyStatus Status { get; set; }

    /// <summary>Whether the holder sees a Use button (and a QR code) now.</summary>
    public bool CanUse { get; set; }

    /// <summary>Whether the holder sees a Share button now.</summary>
    public bool CanShare { get; set; }
}

/// <summary>Where a wallet page ends: the next page starts after this copy.</summary>
public sealed record WalletCursor(DateTime ValidUntilUtc, int CopyId);

/// <summary>One page of a wallet tab; <see cref="Next"/> is null on the last page.</summary>
public sealed record WalletPage(IReadOnlyList<WalletItem> Items, WalletCursor? Next);
