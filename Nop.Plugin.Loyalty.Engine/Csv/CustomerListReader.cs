using System.Globalization;
using System.Net.Mail;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>Reads a customer list: one customer per row, by id or email, in the first column.</summary>
/// <remarks>
/// Accepts what store owners paste or export: comma, semicolon or tab separated, an optional header row,
/// a BOM, blank lines. Nothing is dropped silently: each unusable row comes back with its reason.
/// </remarks>
public static class CustomerListReader
{
    /// <summary>Reads the list from text.</summary>
    public static CustomerList Read(string text) => Read(new StringReader(text));

    /// <summary>Reads the list from a reader (an uploaded file).</summary>
    public static CustomerList Read(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            IgnoreBlankLines = true,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim
        };

        var ids = new List<int>();
        var emails = new List<string>();
        var rejected = new List<RejectedRow>();
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        using var csv = new CsvReader(reader, config);
        var first = true;
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var value = (csv.GetField(0) ?? string.Empty).Trim().Trim('\uFEFF');
            var isHeader = first && CustomerListHeader.IsHeader(value);
            first = false;
            if (isHeader || value.Length == 0)
                continue;

            if (!lines.TryAdd(value, line))
                rejected.Add(new RejectedRow(line, value, ResourceKeys.ListRowDuplicate));
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                ids.Add(id);
            else if (IsEmail(value))
                emails.Add(value);
            else
                rejected.Add(new RejectedRow(line, value, ResourceKeys.ListRowUnreadable));
        }

        return new CustomerList(ids, emails, rejected, lines);
    }

    private static bool IsEmail(string value) =>
        value.Contains('@') && MailAddress.TryCreate(value, out var address) && address.Address == value;
}
