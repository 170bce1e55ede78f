using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Coupons;

/// <summary>
/// Search of the history per recipient; <see cref="CouponId"/> 0 for every coupon, <see cref="CustomerId"/> 0 for every
/// customer and <see cref="NoCustomer"/> when the customer searched for does not exist.
/// </summary>
public record CouponRecipientSearchModel : BaseSearchModel
{
    public const int NoCustomer = -1;

    public int CouponId { get; set; }
    public string CouponTitle { get; set; }
    public int CustomerId { get; set; }

    /// <summary>What the admin typed: a customer's ID or email.</summary>
    public string Customer { get; set; }
}

/// <summary>A line of the history per recipient, dates in the admin's time zone.</summary>
public record CouponRecipientModel : BaseNopModel
{
    public int CopyId { get; set; }
    public int CouponId { get; set; }
    public string Title { get; set; }
    public int CustomerId { get; set; }
    public string Customer { get; set; }
    public string ReceivedOn { get; set; }
    public string FirstViewedOn { get; set; }
    public string SharedFrom { get; set; }
    public string LastUsedOn { get; set; }
    public int UseCount { get; set; }
    public int UsesLeft { get; set; }
}

public record CouponRecipientListModel : BasePagedListModel<CouponRecipientModel>;

/// <summary>Search of the history per use: by coupon, by copy, by place (a staff member's customer id).</summary>
public record CouponUseSearchModel : BaseSearchModel
{
    public int CouponId { get; set; }
    public int CopyId { get; set; }
    public int PlaceCustomerId { get; set; }

    /// <summary>The staff members who have recorded uses, for the place filter.</summary>
    public IList<SelectListItem> AvailablePlaces { get; set; } = new List<SelectListItem>();
}

/// <summary>A line of the history per use.</summary>
public record CouponUseModel : BaseNopModel
{
    public int UseId { get; set; }
    public int CouponId { get; set; }
    public string Title { get; set; }
    public int CustomerId { get; set; }
    public string Customer { get; set; }
    public string Kind { get; set; }
    public string Place { get; set; }
    public int? PlaceCustomerId { get; set; }
    public int? OrderId { get; set; }
    public string UsedOn { get; set; }
    public string ReturnedOn { get; set; }
}

public record CouponUseListModel : BasePagedListModel<CouponUseModel>;

public record CouponSharerSearchModel : BaseSearchModel;

/// <summary>A customer's shares and referrals.</summary>
public record CouponSharerModel : BaseNopModel
{
    public int CustomerId { get; set; }
    public string Customer { get; set; }
    public int Shares { get; set; }
    public int Referrals { get; set; }
}

public record CouponSharerListModel : BasePagedListModel<CouponSharerModel>;
