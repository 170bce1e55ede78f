using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Customer;

/// <summary>One tab of the customer's coupon wallet, a page at a time (keyset: <see cref="Next"/> continues it).</summary>
public record CouponWalletModel : BaseNopModel
{
    public CopyStatus Tab { get; set; }
    public IList<CouponCardModel> Items { get; set; } = new List<CouponCardModel>();

    /// <summary>Where the tab's next page starts ("after" in the query); null on the last page.</summary>
    public string Next { get; set; }

    /// <summary>Whether this page follows another (a link back to the tab's start is shown).</summary>
    public bool IsContinued { get; set; }

    public string TimeZoneName { get; set; }
}

/// <summary>A copy as the wallet lists it.</summary>
public record CouponCardModel : BaseNopModel
{
    public int CopyId { get; set; }
    public string Title { get; set; }
    public string Benefit { get; set; }

    /// <summary>The coupon image's thumbnail; empty when the coupon has none.</summary>
    public string PictureUrl { get; set; }

    public string Validity { get; set; }
    public string UsesLeft { get; set; }
    public CopyStatus Status { get; set; }

    /// <summary>Whom a copy received by sharing came from; empty otherwise.</summary>
    public string SharedBy { get; set; }
}

/// <summary>A copy's own page: its QR code, usage guide, code, and the Use and Share actions the rules allow.</summary>
public record CouponCopyModel : CouponCardModel
{
    public string UsageGuideHtml { get; set; }
    public string Code { get; set; }

    /// <summary>The signed in-store link and its QR code (a PNG data URI); empty when the copy cannot be used.</summary>
    public string QrLink { get; set; }
    public string QrImage { get; set; }

    public bool CanUse { get; set; }
    public bool CanShare { get; set; }
    public bool IsShareOnly { get; set; }

    /// <summary>The link a share just created, to copy.</summary>
    public string SharedLink { get; set; }

    public string ShareEmail { get; set; }
    public string TimeZoneName { get; set; }
}

/// <summary>The page a shared link opens.</summary>
public record CouponClaimModel : BaseNopModel
{
    public string Token { get; set; }

    /// <summary>The shared coupon's title; empty for an unknown link.</summary>
    public string Title { get; set; }
    public string Benefit { get; set; }
    public string PictureUrl { get; set; }
    public string SharerName { get; set; }

    /// <summary>Why the link cannot be claimed (by this customer); empty when it can.</summary>
    public string Refusal { get; set; }

    public bool IsSignedIn { get; set; }
    public string LoginUrl { get; set; }
    public string RegisterUrl { get; set; }
}

/// <summary>The page a copy's QR link opens: for staff, the copy and a Use button; for anyone else, an explanation.</summary>
public record CouponRedeemModel : BaseNopModel
{
    public string Token { get; set; }
    public bool IsStaff { get; set; }
    public bool IsSignedIn { get; set; }
    public string LoginUrl { get; set; }

    /// <summary>Why the link cannot be read (tampered, unknown); empty when it names a copy.</summary>
    public string Error { get; set; }

    public string CustomerName { get; set; }
    public string CustomerEmail { get; set; }
    public string Title { get; set; }
    public string Benefit { get; set; }
    public string Validity { get; set; }
    public string UsesLeft { get; set; }

    /// <summary>Why the copy cannot be used now (expired, used up, share-only); empty when Use applies.</summary>
    public string Refusal { get; set; }

    /// <summary>The use just recorded, said to the staff member.</summary>
    public string Done { get; set; }
}
