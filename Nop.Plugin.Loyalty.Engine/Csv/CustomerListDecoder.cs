using System.Text;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>The text of an uploaded customer list and the name of the encoding it was read with.</summary>
public sealed record DecodedList(string Text, string EncodingName)
{
    /// <summary>False for a file that is no text (a spreadsheet, an image): text files never hold NUL characters.</summary>
    public bool IsText => !Text.Contains('\0');
}

/// <summary>Reads an uploaded customer list's bytes as text, naming the encoding used so the store owner can check it.</summary>
/// <remarks>
/// The encoding comes from the byte order mark (UTF-8, UTF-16 LE or BE); without one, bytes that are valid UTF-8 are
/// UTF-8, anything else is Shift_JIS as Excel writes CSV on Japanese Windows (code page 932, which includes the
/// NEC and IBM extensions such as ① or ㈱).
/// </remarks>
public static class CustomerListDecoder
{
    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 (BOM)";
    public const string Utf16LittleEndian = "UTF-16 LE (BOM)";
    public const string Utf16BigEndian = "UTF-16 BE (BOM)";
    public const string ShiftJis = "Shift_JIS";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Decodes the bytes, without their byte order mark.</summary>
    public static DecodedList Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new DecodedList(Encoding.UTF8.GetString(bytes[3..]), Utf8Bom);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DecodedList(Encoding.Unicode.GetString(bytes[2..]), Utf16LittleEndian);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DecodedList(Encoding.BigEndianUnicode.GetString(bytes[2..]), Utf16BigEndian);
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return new DecodedList(StrictUtf8.GetString(bytes), Utf8);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new DecodedList(Encoding.GetEncoding(932).GetString(bytes), ShiftJis);
    }
}
