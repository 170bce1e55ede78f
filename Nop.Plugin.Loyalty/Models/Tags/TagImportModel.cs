using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Loyalty.Models.Tags;

/// <summary>The tag CSV import: the file (or pasted text), then its preview and the admin's choice.</summary>
public record TagImportModel
{
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Import.File")]
    public IFormFile File { get; set; }

    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Import.Text")]
    public string Text { get; set; }

    /// <summary>The stored file between the preview and the confirmation.</summary>
    public Guid? Token { get; set; }

    /// <summary>Apply nothing unless every row is valid (otherwise every valid row is applied).</summary>
    [NopResourceDisplayName("Plugins.Misc.Loyalty.Tags.Import.OnlyIfAllValid")]
    public bool OnlyIfAllValid { get; set; }

    #region Preview

    [BindNever]
    public bool HasPreview { get; set; }

    [BindNever]
    public string SourceName { get; set; }

    [BindNever]
    public string EncodingName { get; set; }

    [BindNever]
    public int RowsRead { get; set; }

    [BindNever]
    public int ValidRows { get; set; }

    [BindNever]
    public int AssignmentCount { get; set; }

    [BindNever]
    public IList<TagImportProblemModel> Problems { get; set; } = new List<TagImportProblemModel>();

    #endregion
}

/// <summary>An unusable row of the import: its line, its text, why.</summary>
public record TagImportProblemModel(int Line, string Text, string Reason);
