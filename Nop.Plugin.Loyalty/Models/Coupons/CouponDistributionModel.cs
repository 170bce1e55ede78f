using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Coupons;

/// <summary>A coupon distribution as its progress page shows it (and the JSON the page polls).</summary>
public record CouponDistributionModel : BaseNopEntityModel
{
    public int CouponId { get; set; }
    public string CouponTitle { get; set; }
    public string TargetDescription { get; set; }
    public int StatusId { get; set; }
    public string Status { get; set; }
    public bool InProgress { get; set; }
    public int PlannedCount { get; set; }
    public int IssuedCount { get; set; }
    public int Percent { get; set; }
    public bool NotifyCustomers { get; set; }
    public bool NewsletterOnly { get; set; }
    public string CreatedOn { get; set; }
    public string CompletedOn { get; set; }
    public string LastError { get; set; }
}
