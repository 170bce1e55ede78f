using Nop.Web.Framework.Models;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>The sales by tag page: the filter and, once searched, a line per tag.</summary>
public record TagSalesModel : BaseNopModel
{
    public TagReportSearchModel Search { get; set; } = new();

    /// <summary>False until the report has been run (the first visit shows the filter alone).</summary>
    public bool HasResults { get; set; }

    public IList<TagSalesLineModel> Lines { get; set; } = new List<TagSalesLineModel>();
}

/// <summary>One tag's sales, as figures for the chart and as text for the table.</summary>
public record TagSalesLineModel : BaseNopModel
{
    public string TagName { get; set; }
    public string Color { get; set; }
    public int Orders { get; set; }
    public int Customers { get; set; }
    public decimal Revenue { get; set; }
    public string RevenueText { get; set; }
    public string AverageOrderText { get; set; }
}
