using System.Globalization;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>A row of a customer list that could not be used, with its line number and the reason.</summary>
public sealed record RejectedRow(int LineNumber, string Text, string ResourceKey);

/// <summary>A customer list read from pasted text or an uploaded CSV: ids and emails, and the rows that were rejected.</summary>
/// <param name="Lines">The line each id (as text) and email was read from.</param>
public sealed record CustomerList(IReadOnlyList<int> CustomerIds, IReadOnlyList<string> Emails, IReadOnlyList<RejectedRow> Rejected,
    IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>How many usable rows the list has.</summary>
    public int Count => CustomerIds.Count + Emails.Count;

    /// <summary>How many rows of data were read: the usable ones and the rejected ones (not the header or blank lines).</summary>
    public int RowsRead => Count + Rejected.Count;

    /// <summary>
    /// The rows naming no registered customer, given the ids and emails that matched one.
    /// Emails compare without regard to case, as the store's sign-in does.
    /// </summary>
    public IReadOnlyList<RejectedRow> Unmatched(IEnumerable<int> matchedIds, IEnumerable<string?> matchedEmails)
    {
        var ids = matchedIds.ToHashSet();
        var emails = matchedEmails.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return CustomerIds.Where(id => !ids.Contains(id)).Select(id => id.ToString(CultureInfo.InvariantCulture))
            .Concat(Emails.Where(e => !emails.Contains(e)))
            .Select(text => new RejectedRow(Lines.GetValueOrDefault(text), text, ResourceKeys.ListRowUnknownCustomer))
            .ToList();
    }
}
