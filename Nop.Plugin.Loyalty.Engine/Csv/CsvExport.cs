using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>
/// Writes the CSV files store owners export: UTF-8 with a BOM (so Excel reads Japanese names), invariant culture, ISO
/// dates. A text cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR is escaped with a leading
/// apostrophe (and quoted), so a spreadsheet shows it as text instead of running it as a formula; numbers are written as
/// numbers, so a negative one stays a number.
/// </summary>
public sealed class CsvExport : IAsyncDisposable
{
    /// <summary>Rows an export reads per query: large enough to keep round trips few, small enough to keep memory flat.</summary>
    public const int PageSize = 5_000;

    private static readonly string[] DateFormat = ["yyyy-MM-dd HH:mm:ss"];

    private readonly InjectionSafeWriter _csv;

    /// <summary>Starts a file on <paramref name="output"/>, which stays open afterwards.</summary>
    public CsvExport(Stream output)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        _csv = new InjectionSafeWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        _csv.Context.TypeConverterOptionsCache.GetOptions<DateTime>().Formats = DateFormat;
        _csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>().Formats = DateFormat;
    }

    /// <summary>Writes one row (or the header): each value in its own field, quoted where needed.</summary>
    public async Task WriteRowAsync(params object?[] fields)
    {
        foreach (var field in fields)
        {
            // A number the export formats itself cannot hold a formula: "-5" opens as minus five, not as text.
            _csv.WritingNumber = field is int or long or decimal or double;
            _csv.WriteField(field);
        }

        _csv.WritingNumber = false;
        await _csv.NextRecordAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.FlushAsync();
        await _csv.DisposeAsync();
    }

    /// <summary>CsvHelper's injection escaping (<see cref="InjectionOptions.Escape"/>) for every field but numbers.</summary>
    private sealed class InjectionSafeWriter(TextWriter writer, CsvConfiguration configuration) : CsvWriter(writer, configuration)
    {
        public bool WritingNumber { get; set; }

        protected override string? SanitizeForInjection(string? field) =>
            WritingNumber ? field : base.SanitizeForInjection(field);
    }
}
