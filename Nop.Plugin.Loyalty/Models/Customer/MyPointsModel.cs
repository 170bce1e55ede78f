using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Common;

namespace Nop.Plugin.Loyalty.Models.Customer;

/// <summary>
/// A customer's points in one place: balance, points by expiry day, what expires soon and the history. Every date is
/// already written for its reader (LoyaltyDates).
/// </summary>
public record MyPointsModel : BaseNopModel
{
    public int CustomerId { get; set; }

    public int Balance { get; set; }

    /// <summary>What the balance is worth at checkout, in the working currency (customer page).</summary>
    public string BalanceAmount { get; set; }

    /// <summary>nopCommerce's minimum balance before points can be used (0 for none), and its worth.</summary>
    public int MinimumBalance { get; set; }

    public string MinimumBalanceAmount { get; set; }

    public int LimitedTotal { get; set; }

    /// <summary>Limited points expiring within <see cref="ExpiringSoonDays"/>.</summary>
    public int ExpiringSoon { get; set; }

    public int ExpiringSoonDays { get; set; }

    /// <summary>The next expiry, written for the reader; empty when nothing expires.</summary>
    public string NextExpiry { get; set; }

    /// <summary>Limited points grouped per expiry day (reader's time zone), earliest first.</summary>
    public IList<ExpiryDateModel> ExpiryDates { get; set; } = new List<ExpiryDateModel>();

    /// <summary>One page of the history, latest first.</summary>
    public IList<PointsEventModel> History { get; set; } = new List<PointsEventModel>();

    public PagerModel HistoryPager { get; set; }

    /// <summary>The reader's time zone, named once on the page.</summary>
    public string TimeZoneName { get; set; }

    /// <summary>The member tags marked visible to customers that the customer holds (customer page).</summary>
    public IList<Models.Tags.CustomerTagBadgeModel> Tags { get; set; } = new List<Models.Tags.CustomerTagBadgeModel>();
}

/// <summary>Limited points expiring on one day.</summary>
public record ExpiryDateModel
{
    public string Day { get; set; }

    public int Points { get; set; }

    public IList<ExpiringPointsModel> Items { get; set; } = new List<ExpiringPointsModel>();
}

/// <summary>Limited points sharing one expiry instant and kind.</summary>
public record ExpiringPointsModel
{
    public int Points { get; set; }

    /// <summary>The whole expiry (day, and time when one is set).</summary>
    public string Expiry { get; set; }

    /// <summary>The time and UTC offset when the points end before the end of their day; empty otherwise.</summary>
    public string Time { get; set; }

    /// <summary>Granted by a special points campaign (shown as "[Limited]").</summary>
    public bool IsSpecial { get; set; }
}

/// <summary>One change of the points, as the history shows it.</summary>
public record PointsEventModel
{
    public PointsEventKind Kind { get; set; }

    public string KindText { get; set; }

    /// <summary>The day it happened (for points not usable yet, the day they will be; for an expiry, the expiry).</summary>
    public string Date { get; set; }

    /// <summary>The campaign, the store's message, or the order (see <see cref="OrderId"/>).</summary>
    public string Description { get; set; }

    /// <summary>"usable from …" or "valid until …" for points added.</summary>
    public string Note { get; set; }

    public int Points { get; set; }

    public int? BalanceAfter { get; set; }

    /// <summary>The order points were spent on, linked from the history.</summary>
    public int? OrderId { get; set; }
}
