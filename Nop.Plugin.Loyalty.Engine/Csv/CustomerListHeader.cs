using System.Globalization;
using System.Text;

namespace Nop.Plugin.Loyalty.Engine.Csv;

/// <summary>Recognizes the header cell of a customer list's id or email column, in English or Japanese.</summary>
/// <remarks>
/// Cells are compared after NFKC normalization (full-width "ＩＤ" and half-width "ﾒｰﾙ" read as "ID" and "メール"),
/// without case, spaces or the separators people put in "e-mail", "customer_id" or "会員・ID".
/// </remarks>
public static class CustomerListHeader
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "id", "customerid", "customerno", "customernumber", "memberid", "memberno", "membernumber", "userid",
        "email", "emailaddress", "mail", "mailaddress",
        "会員番号", "会員id", "会員no", "会員コード", "顧客id", "顧客番号", "顧客no", "顧客コード",
        "お客様番号", "お客様id", "お客さま番号", "お客さまid", "ユーザーid", "ユーザid",
        "メールアドレス", "メール", "eメール", "eメールアドレス", "電子メール", "電子メールアドレス"
    };

    private static readonly char[] Separators = [' ', '\t', '\u3000', '-', '_', '.', '・', '/', '\uFEFF'];

    /// <summary>True when the cell is a header naming customer ids or emails.</summary>
    public static bool IsHeader(string cell) => Names.Contains(Key(cell));

    private static string Key(string cell)
    {
        var normalized = cell.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var key = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
            if (Array.IndexOf(Separators, c) < 0)
                key.Append(c);
        return key.ToString();
    }
}
