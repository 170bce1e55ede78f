using System.Globalization;
using System.Text;
using CsvHelper;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>Writes the CSV files store owners export: UTF-8 with a BOM (so Excel reads Japanese names), invariant culture, ISO dates.</summary>
public sealed class CsvExport : IAsyncDisposable
{
    private static readonly string[] DateFormat = ["yyyy-MM-dd HH:mm:ss"];

    private readonly CsvWriter _csv;

    /// <summary>Starts a file on <paramref name="output"/>, which stays open afterwards.</summary>
    public CsvExport(Stream output)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        _csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        _csv.Context.TypeConverterOptionsCache.GetOptions<DateTime>().Formats = DateFormat;
        _csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>().Formats = DateFormat;
    }

    /// <summary>Writes one row (or the header): each value in its own field, quoted where needed.</summary>
    public async Task WriteRowAsync(params object?[] fields)
    {
        foreach (var field in fields)
            _csv.WriteField(field);
        await _csv.NextRecordAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.FlushAsync();
        await _csv.DisposeAsync();
    }
}
