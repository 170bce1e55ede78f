using System.Text;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Engine.Tags;

namespace Nop.Plugin.Loyalty.Tests.Tags;

/// <summary>The tag import's reading and matching, without a database: the customers found are given as a lookup would return them.</summary>
public sealed class TagCsvImportTests
{
    private static readonly TagRow[] Tags =
    [
        new() { Id = 1, CustomerRoleId = 101, Name = "VIP" },
        new() { Id = 2, CustomerRoleId = 102, Name = "東京エリア" },
        new() { Id = 3, CustomerRoleId = 103, Name = "Gold", Kind = TagKind.Automatic, RuleJson = "{}" }
    ];

    private static readonly (int Id, string? Email)[] Customers = [(10, "a@example.test"), (11, "b@example.test"), (12, "Taro@Example.test")];

    private static TagImportPreview Preview(string text) => TagCsvImport.Resolve(TagCsvImport.Parse(text), Customers, Tags);

    private static TagImportPreview Preview(byte[] bytes) => Preview(CustomerListDecoder.Decode(bytes).Text);

    private static string[] Pairs(TagImportPreview preview) =>
        preview.Assignments.Select(a => $"{a.CustomerId}:{a.TagId}").Order().ToArray();

    private static string[] Problems(TagImportPreview preview) =>
        preview.Problems.Select(p => $"{p.Line}:{p.ResourceKey[(p.ResourceKey.LastIndexOf('.') + 1)..]}").ToArray();

    private const string Japanese = "customer,tags\r\n10,東京エリア\r\ntaro@example.test,VIP;東京エリア\r\n";

    [Test]
    public void Reads_utf8_with_and_without_bom_and_shift_jis_alike()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var plain = Encoding.UTF8.GetBytes(Japanese);
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();
        var sjis = Encoding.GetEncoding(932).GetBytes(Japanese);
        Assert.That(sjis, Is.Not.EqualTo(plain), "the Shift_JIS bytes differ from UTF-8's");

        string[] expected = ["10:2", "12:1", "12:2"];
        Assert.Multiple(() =>
        {
            Assert.That(Pairs(Preview(plain)), Is.EqualTo(expected), "UTF-8");
            Assert.That(Pairs(Preview(bom)), Is.EqualTo(expected), "UTF-8 with BOM");
            Assert.That(Pairs(Preview(sjis)), Is.EqualTo(expected), "Shift_JIS");
            Assert.That(Preview(sjis).Problems, Is.Empty);
        });
    }

    [Test]
    public void Tags_may_be_split_by_semicolon_columns_or_rows()
    {
        var semicolons = Preview("10,VIP;東京エリア");
        var columns = Preview("10,VIP,東京エリア");
        var rows = Preview("10\tVIP\n10\t東京エリア");
        Assert.Multiple(() =>
        {
            Assert.That(Pairs(semicolons), Is.EqualTo(new[] { "10:1", "10:2" }));
            Assert.That(Pairs(columns), Is.EqualTo(new[] { "10:1", "10:2" }));
            Assert.That(Pairs(rows), Is.EqualTo(new[] { "10:1", "10:2" }));
            Assert.That(rows.ValidRows, Is.EqualTo(2));
        });
    }

    [Test]
    public void Tag_names_and_emails_compare_without_case_and_surrounding_spaces()
    {
        var preview = Preview("TARO@EXAMPLE.TEST, vip ; 東京エリア ");
        Assert.That(Pairs(preview), Is.EqualTo(new[] { "12:1", "12:2" }));
    }

    [Test]
    public void Every_bad_row_is_named_by_line_and_reason()
    {
        const string text =
            "email,tags\n" +             // 1 header
            "10,VIP\n" +                 // 2 fine
            ",VIP\n" +                   // 3 no customer
            "not an email,VIP\n" +       // 4 malformed
            "11\n" +                     // 5 no tag
            "99,VIP\n" +                 // 6 unknown customer
            "nobody@example.test,VIP\n" + // 7 unknown customer
            "11,VIP;Platinum\n" +        // 8 unknown tag: the row gives nothing, not even VIP
            "a@example.test,VIP\n" +     // 9 duplicate of line 2 (a@ is customer 10)
            "\n" +                       // 10 blank, skipped
            "11,Gold\n" +                // 11 automatic tag
            "11,東京エリア\n";            // 12 fine
        var preview = Preview(text);
        Assert.Multiple(() =>
        {
            Assert.That(Problems(preview), Is.EqualTo(new[]
            {
                "3:RowEmpty", "4:RowMalformed", "5:RowNoTags", "6:UnknownCustomer", "7:UnknownCustomer", "8:UnknownTag",
                "9:Duplicate", "11:AutomaticTag"
            }));
            Assert.That(Pairs(preview), Is.EqualTo(new[] { "10:1", "11:2" }));
            Assert.That(preview.ValidRows, Is.EqualTo(2));
            Assert.That(preview.RowsRead, Is.EqualTo(10));
            Assert.That(preview.Problems.Single(p => p.Line == 9).Arguments, Is.EqualTo(new object[] { 2 }), "the line it repeats");
            Assert.That(preview.Problems.Single(p => p.Line == 8).Arguments, Is.EqualTo(new object[] { "Platinum" }));
        });
    }

    [Test]
    public void All_or_nothing_applies_nothing_when_a_row_is_bad()
    {
        var mixed = Preview("10,VIP\n99,VIP");
        var clean = Preview("10,VIP\n11,VIP");
        Assert.Multiple(() =>
        {
            Assert.That(mixed.ToApply(onlyIfAllValid: true), Is.Empty);
            Assert.That(mixed.ToApply(onlyIfAllValid: false).Select(a => a.CustomerId), Is.EqualTo(new[] { 10 }));
            Assert.That(clean.ToApply(onlyIfAllValid: true).Select(a => a.CustomerId), Is.EqualTo(new[] { 10, 11 }));
        });
    }

    [Test]
    public void A_duplicate_is_the_same_customer_and_tag_however_the_customer_is_named()
    {
        var preview = Preview("10,VIP\n11,VIP\n10,東京エリア\nA@example.test,VIP");
        Assert.Multiple(() =>
        {
            Assert.That(Problems(preview), Is.EqualTo(new[] { "4:Duplicate" }));
            Assert.That(Pairs(preview), Is.EqualTo(new[] { "10:1", "10:2", "11:1" }));
        });
    }

    [Test]
    public void A_file_without_rows_has_nothing_to_apply()
    {
        var preview = Preview("customer,tags\n\n");
        Assert.That((preview.RowsRead, preview.Assignments.Count, preview.Problems.Count), Is.EqualTo((0, 0, 0)));
    }
}
