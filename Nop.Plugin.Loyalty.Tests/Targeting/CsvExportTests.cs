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
}
