using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Customer;

/// <summary>The "My points" statement: balance, limited points by expiry date, the expiring-soon notice.</summary>
public record MyPointsModel : BaseNopModel
{
    public int CustomerId { get; set; }

    public int Balance { get; set; }

    public int LimitedTotal { get; set; }

    /// <summary>Limited points expiring within <see cref="ExpiringSoonDays"/>.</summary>
    public int ExpiringSoon { get; set; }

    public int ExpiringSoonDays { get; set; }

    /// <summary>The next expiry, in the viewer's time zone.</summary>
    public DateTime? NextExpiry { get; set; }

    /// <summary>Limited points grouped per expiry date (viewer's time zone), earliest first.</summary>
    public IList<ExpiryDateModel> ExpiryDates { get; set; } = new List<ExpiryDateModel>();

    /// <summary>Whether the link to nopCommerce's reward points page is shown.</summary>
    public bool ShowRewardPointsLink { get; set; }
}

/// <summary>Limited points expiring on one date.</summary>
public record ExpiryDateModel
{
    public DateTime Date { get; set; }

    public int Points { get; set; }

    public IList<ExpiringPointsModel> Items { get; set; } = new List<ExpiringPointsModel>();
}

/// <summary>Limited points sharing one expiry instant and kind.</summary>
public record ExpiringPointsModel
{
    public DateTime ExpiresOn { get; set; }

    public int Points { get; set; }

    /// <summary>Granted by a special points campaign (shown as "[Limited]").</summary>
    public bool IsSpecial { get; set; }
}
