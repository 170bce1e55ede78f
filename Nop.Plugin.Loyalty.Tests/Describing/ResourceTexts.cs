using Nop.Plugin.Loyalty.Engine.Localization;
using System.Globalization;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Tests.Resources;
using Nop.Plugin.Loyalty.Tests.Segments;

namespace Nop.Plugin.Loyalty.Tests.Describing;

/// <summary>
/// The wordings of one of the plugin's shipped resource files, with fixed formats for values (ISO days, invariant
/// amounts) so a test reads exact sentences. A wording the file lacks fails the test rather than showing its key.
/// </summary>
internal sealed class ResourceTexts(string culture) : IPhraseTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Files = new();

    // nopCommerce's own enum resources, as its language packs word them.
    private static readonly Dictionary<string, Dictionary<int, string>> Statuses = new()
    {
        ["en-US"] = new() { [10] = "Pending", [20] = "Processing", [30] = "Complete", [40] = "Cancelled" },
        ["ja-JP"] = new() { [10] = "保留中", [20] = "処理中", [30] = "完了", [40] = "キャンセル" }
    };

    public static ResourceTexts English { get; } = new("en-US");
    public static ResourceTexts Japanese { get; } = new("ja-JP");

    // Month names written out here, so the tests do not depend on the machine's culture data.
    private bool IsJapanese => culture == "ja-JP";

    private Dictionary<string, string> Wordings
    {
        get
        {
            lock (Files)
            {
                if (!Files.TryGetValue(culture, out var wordings))
                    Files[culture] = wordings = ResourceFilesTests.Resources(culture);
                return wordings;
            }
        }
    }

    /// <summary>The phrase as this language's text.</summary>
    public string Render(PhraseValue phrase) => PhraseRenderer.RenderAsync(phrase, this).GetAwaiter().GetResult();

    public Task<string?> WordingAsync(string key)
    {
        Assert.That(Wordings.TryGetValue(key, out var wording), Is.True, $"{culture} has no wording for {key}");
        return Task.FromResult(wording);
    }

    public PluralForm PluralFormOf(long count) => PluralForms.Of(count);

    public string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public Task<string> MoneyAsync(decimal amount) => Task.FromResult(amount.ToString("0.##", CultureInfo.InvariantCulture));

    public string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Month(int month) => IsJapanese ? $"{month}月" : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    public string MonthDay(int month, int day) => IsJapanese
        ? $"{month}月{day}日"
        : $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month)} {day}";

    public string? Name(SegmentEntity kind, int id) => SegmentValidatorTests.Catalog.NameOf(kind, id);

    public Task<string> OrderStatusAsync(int statusId) =>
        Task.FromResult(Statuses[culture].GetValueOrDefault(statusId) ?? $"#{statusId}");
}
