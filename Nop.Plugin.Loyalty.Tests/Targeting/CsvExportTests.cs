using System.Text;
using Nop.Plugin.Loyalty.Engine.Csv;

namespace Nop.Plugin.Loyalty.Tests.Targeting;

public class CsvExportTests
{
    [Test]
    public async Task An_export_opens_in_Excel_with_names_quoted_and_dates_in_ISO_form()
    {
        using var output = new MemoryStream();
        await using (var csv = new CsvExport(output))
        {
            await csv.WriteRowAsync("Id", "Name", "Points", "On");
            await csv.WriteRowAsync(7, "山田, \"花子\"", 1500, new DateTime(2026, 11, 23, 9, 5, 0, DateTimeKind.Utc));
            await csv.WriteRowAsync(8, null, -20, (DateTime?)null);
        }

        var bytes = output.ToArray();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM");
        Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n"), Is.EqualTo(new[]
        {
            "Id,Name,Points,On",
            "7,\"山田, \"\"花子\"\"\",1500,2026-11-23 09:05:00",
            "8,,-20,",
            ""
        }));
    }

    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [TestCase("=1+1@example.jp", "\"'=1+1@example.jp\"")]
    [TestCase("+81 3 1234", "\"'+81 3 1234\"")]
    [TestCase("-2+3", "\"'-2+3\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("\tcmd", "\"'\tcmd\"")]
    [TestCase("\rcmd", "\"'\rcmd\"")]
    [TestCase("-5", "\"'-5\"")]
    [TestCase("a=b", "a=b")]
    [TestCase("山田", "山田")]
    public async Task A_text_cell_a_spreadsheet_would_run_as_a_formula_opens_as_text(string value, string written)
    {
        Assert.That(await WriteAsync(value), Is.EqualTo(written + "\r\n"));
    }

    [Test]
    public async Task Numbers_stay_numbers_even_when_negative()
    {
        Assert.That(await WriteAsync(-5, 1500, -20L, -1.5m, 0.25d), Is.EqualTo("-5,1500,-20,-1.5,0.25\r\n"));
    }

    [Test]
    public async Task Every_text_cell_of_a_row_is_escaped_not_only_the_first()
    {
        Assert.That(await WriteAsync(7, "=1+1@example.jp", "=HYPERLINK(\"http://x\",\"y\")", -5),
            Is.EqualTo("7,\"'=1+1@example.jp\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\r\n"));
    }

    private static async Task<string> WriteAsync(params object?[] fields)
    {
        using var output = new MemoryStream();
        await using (var csv = new CsvExport(output))
            await csv.WriteRowAsync(fields);
        var bytes = output.ToArray();
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
