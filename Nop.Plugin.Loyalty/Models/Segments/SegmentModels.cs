using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Segments;

/// <summary>Search form of the segments list.</summary>
public record SegmentSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Segments.SearchName")]
    public string SearchName { get; set; }
}

/// <summary>One page of the segments grid.</summary>
public record SegmentListModel : BasePagedListModel<SegmentRowModel>;

/// <summary>A row of the segments grid.</summary>
public record SegmentRowModel : BaseNopEntityModel
{
    public string Name { get; set; }
    public string Description { get; set; }

    /// <summary>The definition described in the admin's language.</summary>
    public string Rule { get; set; }

    public string UpdatedOn { get; set; }
}

/// <summary>An id and a name, as the builder's pickers list them.</summary>
public record SegmentOptionModel(int Id, string Name);

/// <summary>The create/edit page: name, description and the definition the builder edits (SegmentJson format).</summary>
public record SegmentModel : BaseNopEntityModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Segments.Name")]
    public string Name { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Segments.Description")]
    public string Description { get; set; }

    /// <summary>The builder's tree as SegmentJson (hidden field).</summary>
    public string DefinitionJson { get; set; }

    #region Shown, never bound

    [BindNever]
    public string UpdatedOn { get; set; }

    [BindNever]
    public string RuleDescription { get; set; }

    /// <summary>Localized problems of the definition, each with the path of the node it concerns.</summary>
    [BindNever]
    public IList<SegmentErrorModel> DefinitionErrors { get; set; } = new List<SegmentErrorModel>();

    /// <summary>The builder's data as JSON: pickers' options, names of the products the definition names, texts.</summary>
    [BindNever]
    public string BuilderDataJson { get; set; }

    #endregion
}

/// <summary>Live preview of a definition.</summary>
public record SegmentPreviewModel
{
    public bool Success { get; set; }
    public IList<SegmentErrorModel> Errors { get; set; } = new List<SegmentErrorModel>();
    /// <summary>Conditions that may match fewer customers than expected: they read fields the store does not collect.</summary>
    public IList<SegmentErrorModel> Warnings { get; set; } = new List<SegmentErrorModel>();
    public int Count { get; set; }
    public string Description { get; set; }
    public IList<SegmentPreviewCustomerModel> Customers { get; set; } = new List<SegmentPreviewCustomerModel>();

    /// <summary>Why no customers are listed: the admin may not view customers; null otherwise.</summary>
    public string SampleDenied { get; set; }
}

/// <summary>A localized problem of a definition; Field is the path of the node ("root.children[1].window"), "json" or empty.</summary>
public record SegmentErrorModel(string Field, string Message);

public record SegmentPreviewCustomerModel(int Id, string Email, string Name, string Url);
