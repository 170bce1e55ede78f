using System.Reflection;
using System.Text;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Tests.Resources;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>The coupon rules that need no database: terms, validity dates, images, QR tokens, sharing and use.</summary>
public class CouponRulesTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Today = new(2027, 4, 1);

    private static CouponTerms Days(int? days, int uses = 1) =>
        new("Spring coffee", CouponValidityKind.DaysFromReceipt, null, null, days, uses, SharingMode.Shareable);

    private static CouponTerms Period(DateOnly? from, DateOnly? to) =>
        new("Spring coffee", CouponValidityKind.Period, from, to, null, 1, SharingMode.Shareable);

    private static string[] Keys(CouponTerms terms) => CouponValidator.Validate(terms, Today).Select(e => e.ResourceKey).ToArray();

    [Test]
    public void Good_terms_pass()
    {
        Assert.That(Keys(Days(10, uses: 10)), Is.Empty);
        Assert.That(Keys(Period(new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30))), Is.Empty);
        Assert.That(Keys(Period(null, Today)), Is.Empty, "a period may end today and start at receipt");
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(null)]
    [TestCase(3651)]
    public void Days_from_receipt_must_be_positive(int? days) =>
        Assert.That(Keys(Days(days)), Is.EqualTo(new[] { CouponResourceKeys.ValidDaysOutOfRange }));

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    public void Uses_must_be_positive(int uses) =>
        Assert.That(Keys(Days(10, uses)), Is.EqualTo(new[] { CouponResourceKeys.UsesOutOfRange }));

    [Test]
    public void From_after_to_is_refused() =>
        Assert.That(Keys(Period(new DateOnly(2027, 4, 11), new DateOnly(2027, 4, 10))), Is.EqualTo(new[] { CouponResourceKeys.ValidFromAfterTo }));

    [Test]
    public void A_period_needs_its_last_day_and_not_one_in_the_past()
    {
        Assert.That(Keys(Period(null, null)), Is.EqualTo(new[] { CouponResourceKeys.ValidToRequired }));
        Assert.That(Keys(Period(null, Today.AddDays(-1))), Is.EqualTo(new[] { CouponResourceKeys.ValidToInPast }));
    }

    [Test]
    public void Title_code_discount_and_mode_are_checked()
    {
        var terms = Days(10) with { Title = "  ", ShowCode = true, Code = " ", DiscountId = 0, Sharing = (SharingMode)9 };
        Assert.That(Keys(terms), Is.EquivalentTo(new[]
        {
            CouponResourceKeys.TitleRequired, CouponResourceKeys.CodeRequiredWhenShown, CouponResourceKeys.DiscountInvalid,
            CouponResourceKeys.SharingModeUnknown
        }));
        Assert.That(Keys(Days(10) with { Title = new string('x', 201), Code = new string('c', 101) }),
            Is.EquivalentTo(new[] { CouponResourceKeys.TitleTooLong, CouponResourceKeys.CodeTooLong }));
        Assert.That(Keys(Days(10) with { Code = "SPRING", ShowCode = false, DiscountId = 3 }), Is.Empty, "a hidden code is fine");
    }

    // Expected instants worked out by hand from the calendar: Tokyo is UTC+9 all year.
    [TestCase("2027-04-01T01:00:00Z", "2027-04-10T15:00:00Z", TestName = "Received 1 Apr (10:00 in Tokyo): valid through 10 Apr")]
    [TestCase("2027-04-03T05:30:00Z", "2027-04-12T15:00:00Z", TestName = "Received 3 Apr: valid through 12 Apr")]
    [TestCase("2027-03-31T20:00:00Z", "2027-04-10T15:00:00Z", TestName = "Received 31 Mar in UTC, already 1 Apr in Tokyo: through 10 Apr")]
    [TestCase("2027-04-01T14:59:59Z", "2027-04-10T15:00:00Z", TestName = "Received a second before midnight in Tokyo: still 1 Apr")]
    [TestCase("2027-04-01T15:00:00Z", "2027-04-11T15:00:00Z", TestName = "Received at midnight in Tokyo: 2 Apr, through 11 Apr")]
    public void Ten_days_from_receipt_end_at_midnight_in_the_store_zone(string received, string until)
    {
        var coupon = new CouponRow { ValidDays = 10, Uses = 1 };
        var receivedUtc = DateTime.Parse(received, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var (from, end) = CouponValidity.OfCopy(coupon, receivedUtc, Tokyo);

        Assert.That(from, Is.EqualTo(receivedUtc));
        Assert.That(end, Is.EqualTo(DateTime.Parse(until, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Test]
    public void Days_across_a_clock_change_end_at_local_midnight()
    {
        // New York moves to EDT (UTC-4) on Sunday 14 March 2027: received 5 March (EST) with 10 days → through 14 March,
        // whose end is 15 March 00:00 EDT = 04:00 UTC (not 05:00, the winter offset).
        var coupon = new CouponRow { ValidDays = 10, Uses = 1 };
        var (_, end) = CouponValidity.OfCopy(coupon, new DateTime(2027, 3, 5, 18, 0, 0, DateTimeKind.Utc), NewYork);
        Assert.That(end, Is.EqualTo(new DateTime(2027, 3, 15, 4, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void A_period_is_the_same_for_every_copy_from_the_first_day_to_the_end_of_the_last()
    {
        var row = Period(new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 10)).ToRow(Tokyo);
        Assert.That(row.ValidFromUtc, Is.EqualTo(new DateTime(2027, 3, 31, 15, 0, 0)));
        Assert.That(row.ValidUntilUtc, Is.EqualTo(new DateTime(2027, 4, 10, 15, 0, 0)));
        Assert.That(row.ValidDays, Is.Null);

        var early = CouponValidity.OfCopy(row, new DateTime(2027, 3, 20, 0, 0, 0, DateTimeKind.Utc), Tokyo);
        var late = CouponValidity.OfCopy(row, new DateTime(2027, 4, 9, 0, 0, 0, DateTimeKind.Utc), Tokyo);
        Assert.That(early.UntilUtc, Is.EqualTo(late.UntilUtc));
        Assert.That(early.FromUtc, Is.EqualTo(row.ValidFromUtc), "a copy received before the period waits for its first day");
        Assert.That(late.FromUtc, Is.EqualTo(row.ValidFromUtc));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];

    [Test]
    public void Images_are_checked_by_content()
    {
        Assert.That(CouponImage.Check(Png), Is.EqualTo(((CouponImageKind?)CouponImageKind.Png, (Engine.Validation.ValidationError?)null)));
        Assert.That(CouponImage.Check(Jpeg).Kind, Is.EqualTo(CouponImageKind.Jpeg));
        Assert.That(CouponImage.Check([]).Error!.ResourceKey, Is.EqualTo(CouponResourceKeys.ImageEmpty));
        Assert.That(CouponImage.Check("GIF89a......"u8).Error!.ResourceKey, Is.EqualTo(CouponResourceKeys.ImageNotJpegOrPng));
        Assert.That(CouponImage.Check(Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'/>")).Error!.ResourceKey,
            Is.EqualTo(CouponResourceKeys.ImageNotJpegOrPng), "a file named .png holding SVG is refused");
        Assert.That(CouponImage.Check(Png.AsSpan(0, 7)).Error!.ResourceKey, Is.EqualTo(CouponResourceKeys.ImageNotJpegOrPng), "a truncated signature");
    }

    [Test]
    public void Images_up_to_ten_megabytes_pass_one_byte_more_does_not()
    {
        var limit = new byte[10 * 1024 * 1024];
        Png.CopyTo(limit, 0);
        Assert.That(CouponImage.Check(limit).Error, Is.Null);

        var over = new byte[limit.Length + 1];
        Png.CopyTo(over, 0);
        var error = CouponImage.Check(over).Error;
        Assert.That(error!.ResourceKey, Is.EqualTo(CouponResourceKeys.ImageTooLarge));
        Assert.That(error.Arguments, Is.EqualTo(new object[] { 10 }));
    }

    private static readonly byte[] Key = Encoding.ASCII.GetBytes("a store's secret key, 32 bytes..");

    [Test]
    public void A_signed_QR_token_names_its_copy_and_holder()
    {
        var token = CouponQr.Sign(1234, 56, Key);
        Assert.That(CouponQr.Verify(token, Key), Is.EqualTo((1234, 56)));
        Assert.That(token, Does.Match("^[A-Za-z0-9._-]+$"), "safe in a URL as it is");
    }

    [Test]
    public void A_tampered_or_foreign_QR_token_is_refused()
    {
        var token = CouponQr.Sign(1234, 56, Key);
        var parts = token.Split('.');
        var otherKey = Encoding.ASCII.GetBytes("another store's key, 32 bytes...");
        var signature = parts[3];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        string[] bad =
        [
            $"{parts[0]}.1235.{parts[2]}.{parts[3]}", // another copy
            $"{parts[0]}.{parts[1]}.57.{parts[3]}", // another holder
            $"{parts[0]}.{parts[1]}.{parts[2]}.{flipped}",
            $"{parts[0]}.01234.{parts[2]}.{parts[3]}", // the same number spelled otherwise
            CouponQr.Sign(1234, 56, otherKey),
            token + ".x", "", "c1.1.2", "garbage"
        ];
        foreach (var t in bad)
            Assert.That(() => CouponQr.Verify(t, Key),
                Throws.TypeOf<LoyaltyRuleException>().With.Property(nameof(LoyaltyRuleException.ResourceKey)).EqualTo(CouponResourceKeys.QrInvalid), t);
        Assert.That(() => CouponQr.Verify(null, Key), Throws.TypeOf<LoyaltyRuleException>());
    }

    [Test]
    public void Every_coupon_message_has_an_English_and_a_Japanese_text()
    {
        var keys = typeof(CouponResourceKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.That(keys, Has.Count.GreaterThan(30));
        Assert.That(keys, Has.All.StartWith("Plugins.Misc.Loyalty.Coupons."));
        foreach (var culture in new[] { "en-US", "ja-JP" })
        {
            var resources = ResourceFilesTests.Resources(culture);
            Assert.That(keys.Where(k => !resources.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)), Is.Empty, culture);
        }
    }
}
