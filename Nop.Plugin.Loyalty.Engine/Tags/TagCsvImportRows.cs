using System.Globalization;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>A customer as a tag import names them: by id or by email.</summary>
public sealed record CustomerKey(int? Id, string? Email)
{
    public override string ToString() => Id?.ToString(CultureInfo.InvariantCulture) ?? Email ?? string.Empty;
}

/// <summary>A readable row of a tag import: its line, its text, the customer and the tag names (distinct, trimmed).</summary>
public sealed record TagCsvRow(int Line, string Text, CustomerKey Customer, IReadOnlyList<string> TagNames);

/// <summary>A row of a tag import that gives nothing, with its line, its text and the reason (a resource key and its arguments).</summary>
public sealed record TagImportProblem(int Line, string Text, string ResourceKey, params object[] Arguments);

/// <summary>A tag import file split into readable rows and the rows already known to be unusable.</summary>
public sealed record TagCsvFile(IReadOnlyList<TagCsvRow> Rows, IReadOnlyList<TagImportProblem> Problems);

/// <summary>
/// What an import would do: the tags to give (from the valid rows only) and every unusable row by line. Nothing is
/// applied until the admin confirms, with every valid row or, if they choose so, only when no row is unusable.
/// </summary>
public sealed record TagImportPreview(IReadOnlyList<TagAssignment> Assignments, IReadOnlyList<TagImportProblem> Problems,
    int ValidRows, int RowsRead)
{
    public bool AllValid => Problems.Count == 0;

    /// <summary>The assignments to apply in the mode chosen; none when every row must be valid and one is not.</summary>
    public IReadOnlyList<TagAssignment> ToApply(bool onlyIfAllValid) => onlyIfAllValid && !AllValid ? [] : Assignments;
}
