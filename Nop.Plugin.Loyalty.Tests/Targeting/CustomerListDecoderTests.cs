using Nop.Plugin.Loyalty.Engine.Csv;

namespace Nop.Plugin.Loyalty.Tests.Targeting;

/// <summary>Uploaded lists as bytes, written out by hand so the expected text does not come from .NET's encoders.</summary>
public class CustomerListDecoderTests
{
    // 会員番号,氏名 CRLF 123,山田 CRLF in Shift_JIS
    private static readonly byte[] ShiftJisMemberList =
    [
        0x89, 0xEF, 0x88, 0xF5, 0x94, 0xD4, 0x8D, 0x86, 0x2C, 0x8E, 0x81, 0x96, 0xBC, 0x0D, 0x0A,
        0x31, 0x32, 0x33, 0x2C, 0x8E, 0x52, 0x93, 0x63, 0x0D, 0x0A
    ];

    [Test]
    public void A_shift_jis_list_with_a_member_number_header_is_read_as_shift_jis()
    {
        var decoded = CustomerListDecoder.Decode(ShiftJisMemberList);
        var list = CustomerListReader.Read(decoded.Text);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.ShiftJis));
        Assert.That(decoded.Text, Is.EqualTo("会員番号,氏名\r\n123,山田\r\n"));
        Assert.That(list.CustomerIds, Is.EqualTo(new[] { 123 }));
        Assert.That(list.Rejected, Is.Empty);
    }

    [Test]
    public void Shift_jis_reads_the_nec_extensions_excel_writes()
    {
        // ① (0x8740) exists in code page 932 only, not in strict Shift_JIS
        var decoded = CustomerListDecoder.Decode([0x31, 0x2C, 0x87, 0x40]);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.ShiftJis));
        Assert.That(decoded.Text, Is.EqualTo("1,①"));
    }

    [Test]
    public void A_file_with_nul_bytes_is_no_text_and_a_list_is()
    {
        // the start of an .xlsx (a zip archive): P K 03 04 14 00 06 00
        var binary = CustomerListDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
        var list = CustomerListDecoder.Decode(ShiftJisMemberList);

        Assert.That(binary.IsText, Is.False);
        Assert.That(list.IsText, Is.True);
    }

    [Test]
    public void Valid_utf8_without_a_bom_is_utf8()
    {
        // メール LF a@b.jp
        byte[] bytes = [0xE3, 0x83, 0xA1, 0xE3, 0x83, 0xBC, 0xE3, 0x83, 0xAB, 0x0A, 0x61, 0x40, 0x62, 0x2E, 0x6A, 0x70];

        var decoded = CustomerListDecoder.Decode(bytes);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.Utf8));
        Assert.That(decoded.Text, Is.EqualTo("メール\na@b.jp"));
        Assert.That(CustomerListReader.Read(decoded.Text).Emails, Is.EqualTo(new[] { "a@b.jp" }));
    }

    [Test]
    public void Utf8_bytes_cut_in_the_middle_of_a_character_are_not_utf8()
    {
        // 0xE3 0x83 starts メ without its last byte
        var decoded = CustomerListDecoder.Decode([0x31, 0x0A, 0xE3, 0x83]);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.ShiftJis));
    }

    [Test]
    public void A_utf8_bom_names_the_encoding_and_is_not_part_of_the_text()
    {
        var decoded = CustomerListDecoder.Decode([0xEF, 0xBB, 0xBF, 0x69, 0x64, 0x0A, 0x35]);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.Utf8Bom));
        Assert.That(decoded.Text, Is.EqualTo("id\n5"));
    }

    [Test]
    public void A_utf16_little_endian_bom_is_followed()
    {
        // メール LF 7
        var decoded = CustomerListDecoder.Decode([0xFF, 0xFE, 0xE1, 0x30, 0xFC, 0x30, 0xEB, 0x30, 0x0A, 0x00, 0x37, 0x00]);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.Utf16LittleEndian));
        Assert.That(decoded.Text, Is.EqualTo("メール\n7"));
    }

    [Test]
    public void A_utf16_big_endian_bom_is_followed()
    {
        var decoded = CustomerListDecoder.Decode([0xFE, 0xFF, 0x30, 0xE1, 0x30, 0xFC, 0x30, 0xEB, 0x00, 0x0A, 0x00, 0x37]);

        Assert.That(decoded.EncodingName, Is.EqualTo(CustomerListDecoder.Utf16BigEndian));
        Assert.That(decoded.Text, Is.EqualTo("メール\n7"));
    }

    [Test]
    public void The_sample_is_the_first_lines_that_are_not_blank_with_their_line_numbers()
    {
        var sample = CustomerListSample.FirstLines("\r\n会員番号,氏名\r\n\r\n123,山田\r\n456,佐藤\r\n", 2);

        Assert.That(sample, Is.EqualTo(new[] { new ListLine(2, "会員番号,氏名"), new ListLine(4, "123,山田") }));
    }
}
