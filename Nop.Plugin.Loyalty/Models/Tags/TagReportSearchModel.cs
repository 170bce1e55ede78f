using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>The filter of the tag reports (orders by tag, sales by tag): tags, period in the store's calendar, statuses, store.</summary>
public record TagReportSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Reports.Tags")]
    public IList<int> TagIds { get; set; } = new List<int>();

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Reports.StartDate")]
    [UIHint("DateNullable")]
    public DateTime? StartDate { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Reports.EndDate")]
    [UIHint("DateNullable")]
    public DateTime? EndDate { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Reports.OrderStatuses")]
    public IList<int> OrderStatusIds { get; set; } = new List<int>();

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Reports.Store")]
    public int StoreId { get; set; }

    /// <summary>Orders grid: the order id the requested page reads below (the previous page's last); none for the first page.</summary>
    public int? BeforeOrderId { get; set; }

    public IList<SelectListItem> AvailableTags { get; set; } = new List<SelectListItem>();
    public IList<SelectListItem> AvailableOrderStatuses { get; set; } = new List<SelectListItem>();
    public IList<SelectListItem> AvailableStores { get; set; } = new List<SelectListItem>();

    /// <summary>The store's time zone the dates are read in, named on the page.</summary>
    public string TimeZoneName { get; set; }
}
