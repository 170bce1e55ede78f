using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Csv;

namespace Nop.Plugin.Loyalty.Tests.Targeting;

public class CustomerListReaderTests
{
    [Test]
    public void Pasted_ids_and_emails_are_read_one_per_line()
    {
        var list = CustomerListReader.Read("12\njane@example.com\r\n\n  40  \n");

        Assert.That(list.CustomerIds, Is.EqualTo(new[] { 12, 40 }));
        Assert.That(list.Emails, Is.EqualTo(new[] { "jane@example.com" }));
        Assert.That(list.Rejected, Is.Empty);
    }

    [Test]
    public void A_csv_export_with_header_bom_and_more_columns_is_read_by_its_first_column()
    {
        var list = CustomerListReader.Read("\uFEFFEmail;Name\r\nann@example.com;Ann\r\n\"bob@example.com\";\"Bob; Jr\"\r\n");

        Assert.That(list.Emails, Is.EqualTo(new[] { "ann@example.com", "bob@example.com" }));
        Assert.That(list.Rejected, Is.Empty);
    }

    [TestCase("メールアドレス")]
    [TestCase("メール")]
    [TestCase("Eメール")]
    [TestCase("E-mail")]
    [TestCase("e-mail address")]
    [TestCase("Email Address")]
    [TestCase("ﾒｰﾙｱﾄﾞﾚｽ")]
    [TestCase("Ｅ－ｍａｉｌ")]
    [TestCase("電子メールアドレス")]
    public void An_email_header_in_english_or_japanese_is_skipped(string header)
    {
        var list = CustomerListReader.Read($"{header},氏名\nhanako@example.jp,山田花子\n");

        Assert.That(list.Emails, Is.EqualTo(new[] { "hanako@example.jp" }));
        Assert.That(list.Rejected, Is.Empty);
    }

    [TestCase("会員番号")]
    [TestCase("会員ID")]
    [TestCase("会員ＩＤ")]
    [TestCase("顧客ID")]
    [TestCase("顧客番号")]
    [TestCase("お客様番号")]
    [TestCase("ＩＤ")]
    [TestCase("Customer ID")]
    [TestCase("customer_id")]
    [TestCase("Member No.")]
    public void A_customer_id_header_in_english_or_japanese_is_skipped(string header)
    {
        var list = CustomerListReader.Read($"\"{header}\",氏名\r\n1024,山田花子\r\n");

        Assert.That(list.CustomerIds, Is.EqualTo(new[] { 1024 }));
        Assert.That(list.Rejected, Is.Empty);
    }

    [TestCase("会員名")]
    [TestCase("氏名")]
    [TestCase("Name")]
    public void A_first_row_naming_another_column_is_rejected_not_skipped(string header)
    {
        var list = CustomerListReader.Read($"{header}\n1024\n");

        Assert.That(list.CustomerIds, Is.EqualTo(new[] { 1024 }));
        Assert.That(list.Rejected, Is.EqualTo(new[] { new RejectedRow(1, header, ResourceKeys.ListRowUnreadable) }));
    }

    [Test]
    public void Bad_rows_come_back_with_line_number_and_reason()
    {
        var list = CustomerListReader.Read("id\n5\nnot a customer\n-4\n5\nANN@example.com\nann@example.com\n");

        Assert.That(list.CustomerIds, Is.EqualTo(new[] { 5 }));
        Assert.That(list.Emails, Is.EqualTo(new[] { "ANN@example.com" }));
        Assert.That(list.Rejected, Is.EqualTo(new[]
        {
            new RejectedRow(3, "not a customer", ResourceKeys.ListRowUnreadable),
            new RejectedRow(4, "-4", ResourceKeys.ListRowUnreadable),
            new RejectedRow(5, "5", ResourceKeys.ListRowDuplicate),
            new RejectedRow(7, "ann@example.com", ResourceKeys.ListRowDuplicate),
        }));
    }

    [Test]
    public void Rows_naming_no_registered_customer_are_listed()
    {
        var list = CustomerListReader.Read("5\n6\nann@example.com\nbob@example.com");

        Assert.That(list.Unmatched([6], ["ANN@EXAMPLE.COM"]), Is.EqualTo(new[]
        {
            new RejectedRow(1, "5", ResourceKeys.ListRowUnknownCustomer),
            new RejectedRow(4, "bob@example.com", ResourceKeys.ListRowUnknownCustomer)
        }));
    }
}
