namespace Nop.Plugin.Loyalty.Engine.Coupons;

/// <summary>Where a coupon distribution run stands.</summary>
public enum DistributionStatus
{
    Queued = 10,
    Running = 20,
    Completed = 30,
    Failed = 40
}
