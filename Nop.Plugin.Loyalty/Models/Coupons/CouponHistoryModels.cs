using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Coupons;

/// <summary>Search of the history per recipient; <see cref="CouponId"/> 0 for every coupon.</summary>
public record CouponRecipientSearchModel : BaseSearchModel
{
    public int CouponId { get; set; }
    public string CouponTitle { get; set; }
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
