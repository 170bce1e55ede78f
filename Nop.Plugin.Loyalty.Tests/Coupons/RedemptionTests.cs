using System.Text;
using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>Uses online, in store and by the customer's own button; QR links; order cancellations; the use history.</summary>
public class RedemptionTests(DatabaseKind kind) : CouponFixture(kind)
{
    private const int Discount = 42;
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("the store's QR key, 32 bytes long");
    private int A => Registered[0];

    [Test]
    public async Task An_order_uses_the_copy_that_ends_first_and_the_same_order_twice_uses_once()
    {
        var longer = await CreateAsync(DaysTerms(days: 20, uses: 2, discountId: Discount));
        var shorter = await CreateAsync(DaysTerms(days: 5, uses: 1, discountId: Discount));
        var otherDiscount = await CreateAsync(DaysTerms(days: 1, uses: 1, discountId: Discount + 1));
        await IssueAsync(longer, A);
        await IssueAsync(shorter, A);
        await IssueAsync(otherDiscount, A);

        var first = await Coupons.RedeemForOrderAsync(A, Discount, orderId: 100);
        var again = await Coupons.RedeemForOrderAsync(A, Discount, orderId: 100);

        Assert.That(first.CopyId, Is.EqualTo(StoreCopy(A, shorter).Id), "the copy with the earliest end");
        Assert.That(again.Id, Is.EqualTo(first.Id));
        Assert.That((StoreCopy(A, shorter).UsesLeft, StoreCopy(A, longer).UsesLeft, StoreCopy(A, otherDiscount).UsesLeft), Is.EqualTo((0, 2, 1)));

        await Coupons.RedeemForOrderAsync(A, Discount, orderId: 101);
        await Coupons.RedeemForOrderAsync(A, Discount, orderId: 102);
        Refused(CouponResourceKeys.NoUsableCopy, () => Coupons.RedeemForOrderAsync(A, Discount, orderId: 103));
        Assert.That(StoreCopy(A, longer).UsesLeft, Is.Zero);
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Count(u => u.KindId == (int)UseKind.Online && u.PlaceCustomerId == null), Is.EqualTo(3));
        Assert.That(await Coupons.HoldsUsableAsync(A, Discount), Is.False);
        Assert.That(await Coupons.HoldsUsableAsync(Registered[1], Discount), Is.False, "a customer without a copy");
    }

    [Test]
    public async Task An_expired_copy_cannot_be_used_online_or_in_store()
    {
        var couponId = await CreateAsync(DaysTerms(days: 1, uses: 5, discountId: Discount));
        await IssueAsync(couponId, A);
        Assert.That(await Coupons.HoldsUsableAsync(A, Discount), Is.True);
        Clock.Advance(new DateTime(2027, 4, 1, 15, 0, 0) - Clock.UtcNow); // midnight in Tokyo: 1 April is over

        Assert.That(await Coupons.HoldsUsableAsync(A, Discount), Is.False);
        Refused(CouponResourceKeys.NoUsableCopy, () => Coupons.RedeemForOrderAsync(A, Discount, orderId: 7));
        Refused(CouponResourceKeys.CopyExpired, () => Coupons.UseOwnCopyAsync(StoreCopy(A, couponId).Id, A));
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.EqualTo(5));
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Count(), Is.Zero);
    }

    [Test]
    public async Task In_store_uses_record_the_staff_member_and_the_customers_own_button_records_no_place()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 10));
        await IssueAsync(couponId, A);
        var copyId = StoreCopy(A, couponId).Id;

        await Coupons.RedeemInStoreAsync(copyId, new UsePlace(501, "Shibuya counter (Sato)"));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Coupons.RedeemByQrAsync(CouponQr.Sign(copyId, A, Key), Key, new UsePlace(502, "Umeda counter (Tanaka)"));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Coupons.UseOwnCopyAsync(copyId, A);
        Refused(CouponResourceKeys.CopyNotYours, () => Coupons.UseOwnCopyAsync(copyId, Registered[1]));

        var uses = Db.GetTable<LoyaltyCouponUse>().OrderBy(u => u.Id).ToList();
        Assert.That(uses.Select(u => (u.KindId, u.PlaceCustomerId, u.PlaceName)), Is.EqualTo(new (int, int?, string?)[]
        {
            ((int)UseKind.InStore, 501, "Shibuya counter (Sato)"),
            ((int)UseKind.InStore, 502, "Umeda counter (Tanaka)"),
            ((int)UseKind.ByCustomer, null, null)
        }));
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.EqualTo(7));

        var atUmeda = await Coupons.UsesAsync(new UseFilter(PlaceCustomerId: 502), 0, 10);
        Assert.That(atUmeda.Rows.Select(r => (r.UseId, r.PlaceName)), Is.EqualTo(new[] { (uses[1].Id, (string?)"Umeda counter (Tanaka)") }));
        Assert.That(atUmeda.Total, Is.EqualTo(1));
        var byCustomer = await Coupons.UsesAsync(new UseFilter(Kind: UseKind.ByCustomer), 0, 10);
        Assert.That(byCustomer.Rows.Single().UseId, Is.EqualTo(uses[2].Id));
        var all = await Coupons.UsesAsync(new UseFilter(CouponId: couponId), 0, 2);
        Assert.That((all.Total, all.Rows.Select(r => r.UseId)), Is.EqualTo((3, new[] { uses[2].Id, uses[1].Id })), "newest first, paged");
        Assert.That(all.Rows[0].UsedOnUtc, Is.EqualTo(Start.AddMinutes(10)));
    }

    [Test]
    public async Task The_place_filter_lists_each_staff_member_once_under_their_latest_name()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 10));
        await IssueAsync(couponId, A);
        var copyId = StoreCopy(A, couponId).Id;
        Assert.That(await Coupons.PlacesAsync(), Is.Empty);

        await Coupons.RedeemInStoreAsync(copyId, new UsePlace(501, "Sato"));
        await Coupons.RedeemInStoreAsync(copyId, new UsePlace(502, "Tanaka"));
        await Coupons.UseOwnCopyAsync(copyId, A);
        await Coupons.RedeemInStoreAsync(copyId, new UsePlace(501, "Abe (Sato)")); // renamed since

        Assert.That(await Coupons.PlacesAsync(), Is.EqualTo(new[] { new UsePlace(501, "Abe (Sato)"), new UsePlace(502, "Tanaka") }));
    }

    [Test]
    public async Task A_tampered_or_unknown_QR_link_is_refused_and_uses_nothing()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 2));
        await IssueAsync(couponId, A);
        var copyId = StoreCopy(A, couponId).Id;
        var staff = new UsePlace(501, "Sato");

        var (coupon, copy) = await Coupons.ReadQrAsync(CouponQr.Sign(copyId, A, Key), Key);
        Assert.That((coupon.Id, copy.Id, copy.CustomerId), Is.EqualTo((couponId, copyId, A)));
        Refused(CouponResourceKeys.QrInvalid, () => Coupons.RedeemByQrAsync(CouponQr.Sign(copyId, A, Key)[..^2] + "xx", Key, staff));
        Refused(CouponResourceKeys.QrInvalid, () => Coupons.RedeemByQrAsync(CouponQr.Sign(copyId, A, Encoding.ASCII.GetBytes("another key, at least 16 b")), Key, staff));
        Refused(CouponResourceKeys.QrUnknown, () => Coupons.RedeemByQrAsync(CouponQr.Sign(copyId + 1000, A, Key), Key, staff));
        Refused(CouponResourceKeys.QrUnknown, () => Coupons.RedeemByQrAsync(CouponQr.Sign(copyId, Registered[1], Key), Key, staff));
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.EqualTo(2));
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Count(), Is.Zero);
    }

    [Test]
    public async Task A_cancelled_order_gives_its_use_back_while_the_copy_is_valid_and_only_once()
    {
        var couponId = await CreateAsync(DaysTerms(days: 10, uses: 1, discountId: Discount));
        await IssueAsync(couponId, A);
        var use = await Coupons.RedeemForOrderAsync(A, Discount, orderId: 300);
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.Zero);

        Assert.That(await Coupons.OrderCancelledAsync(300), Is.EqualTo(1));
        Assert.That(await Coupons.OrderCancelledAsync(300), Is.Zero, "a second cancellation gives nothing more");
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.EqualTo(1));
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Single(u => u.Id == use.Id).ReturnedOnUtc, Is.EqualTo(Start));

        // Used again, then the copy expires before that order is cancelled: the use stays consumed.
        await Coupons.RedeemForOrderAsync(A, Discount, orderId: 301);
        Clock.Advance(TimeSpan.FromDays(15));
        Assert.That(await Coupons.OrderCancelledAsync(301), Is.Zero);
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.Zero);
        Assert.That(Db.GetTable<LoyaltyCouponUse>().Single(u => u.OrderId == 301).ReturnedOnUtc, Is.Null);
    }

    [Test]
    public async Task Last_used_is_the_last_use_that_still_counts_after_a_cancellation()
    {
        var couponId = await CreateAsync(DaysTerms(days: 10, uses: 3, discountId: Discount));
        await IssueAsync(couponId, A);
        await Coupons.RedeemForOrderAsync(A, Discount, orderId: 310);
        Clock.Advance(TimeSpan.FromHours(1));
        await Coupons.RedeemForOrderAsync(A, Discount, orderId: 311);
        Clock.Advance(TimeSpan.FromHours(1));
        await Coupons.RedeemForOrderAsync(A, Discount, orderId: 312);
        Assert.That(StoreCopy(A, couponId).LastUsedOnUtc, Is.EqualTo(Start.AddHours(2)));

        await Coupons.OrderCancelledAsync(311);
        Assert.That(StoreCopy(A, couponId).LastUsedOnUtc, Is.EqualTo(Start.AddHours(2)), "an earlier use returned: the last stays");
        await Coupons.OrderCancelledAsync(312);
        Assert.That(StoreCopy(A, couponId).LastUsedOnUtc, Is.EqualTo(Start), "the last returned: the one before it (311 is returned too)");
        await Coupons.OrderCancelledAsync(310);
        Assert.That(StoreCopy(A, couponId).LastUsedOnUtc, Is.Null, "none counts any more");
        Assert.That(StoreCopy(A, couponId).UsesLeft, Is.EqualTo(3));
    }

    [Test]
    public async Task The_recipient_history_shows_receipt_first_view_sharer_last_use_and_use_count()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 5));
        await IssueAsync(couponId, A);
        var mine = StoreCopy(A, couponId).Id;
        Clock.Advance(TimeSpan.FromHours(1));
        await Coupons.MarkViewedAsync(mine, A);
        Clock.Advance(TimeSpan.FromHours(1));
        await Coupons.MarkViewedAsync(mine, A); // only the first view counts
        await Coupons.MarkViewedAsync(mine, Registered[1]); // not theirs: nothing
        var friend = await Coupons.ClaimAsync((await Coupons.ShareByLinkAsync(mine, A)).Token, Registered[1]);
        Clock.Advance(TimeSpan.FromHours(1));
        await Coupons.UseOwnCopyAsync(mine, A);
        await Coupons.UseOwnCopyAsync(mine, A);

        var page = await Coupons.RecipientsAsync(new RecipientFilter(CouponId: couponId), 0, 10);

        Assert.That(page.Total, Is.EqualTo(2));
        var (a, b) = (page.Rows.Single(r => r.CopyId == mine), page.Rows.Single(r => r.CopyId == friend.Id));
        Assert.That((a.ReceivedOnUtc, a.FirstViewedOnUtc, a.SharedByCustomerId, a.LastUsedOnUtc, a.UseCount, a.UsesLeft),
            Is.EqualTo((Start, (DateTime?)Start.AddHours(1), (int?)null, (DateTime?)Start.AddHours(3), 2, 3)));
        Assert.That((b.ReceivedOnUtc, b.FirstViewedOnUtc, b.SharedByCustomerId, b.LastUsedOnUtc, b.UseCount),
            Is.EqualTo((Start.AddHours(2), (DateTime?)null, (int?)A, (DateTime?)null, 0)));
        Assert.That(b.SharedByEmail, Is.EqualTo(Db.GetTable<NopCustomer>().Single(c => c.Id == A).Email));
        Assert.That(page.Rows.Select(r => r.CopyId), Is.EqualTo(new[] { friend.Id, mine }), "newest first");
        var shared = await Coupons.RecipientsAsync(new RecipientFilter(Origin: CopyOrigin.Share), 0, 10);
        Assert.That(shared.Rows.Select(r => r.CustomerId), Is.EqualTo(new[] { Registered[1] }));
        var hers = await Coupons.RecipientsAsync(new RecipientFilter(CouponId: couponId, CustomerId: Registered[1]), 0, 10);
        Assert.That((hers.Total, hers.Rows.Select(r => r.CopyId)), Is.EqualTo((1, new[] { friend.Id })), "one customer's copies");
        var nobody = await Coupons.RecipientsAsync(new RecipientFilter(CustomerId: -1), 0, 10);
        Assert.That(nobody.Total, Is.Zero, "the admin's search for a customer who does not exist");
        var uses = await Coupons.UsesAsync(new UseFilter(CopyId: mine), 0, 10);
        Assert.That(uses.Rows.Select(u => u.UsedOnUtc), Is.EqualTo(new[] { Start.AddHours(3), Start.AddHours(3) }), "each use's time, expandable");
    }

    [Test]
    public async Task The_CSV_exports_hold_every_line_in_pages()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 2));
        var holders = Registered.Take(13).ToArray();
        await IssueAsync(couponId, holders);
        foreach (var customer in holders.Take(5))
            await Coupons.UseOwnCopyAsync(StoreCopy(customer, couponId).Id, customer);
        await Coupons.ShareByLinkAsync(StoreCopy(holders[0], couponId).Id, holders[0]);
        var data = new Nop.Plugin.Loyalty.Testing.Ports.LinqCouponData(Db);

        var recipients = await CsvLinesAsync(s => CouponCsv.WriteRecipientsAsync(data, new RecipientFilter(couponId), ["copy", "coupon"], s, pageSize: 4));
        var uses = await CsvLinesAsync(s => CouponCsv.WriteUsesAsync(data, new UseFilter(), ["use"], k => k.ToString(), s, pageSize: 2));
        var sharers = await CsvLinesAsync(s => CouponCsv.WriteSharersAsync(data, ["customer"], s, pageSize: 1));

        Assert.That(recipients, Has.Count.EqualTo(1 + 13));
        Assert.That(recipients.Skip(1).Select(l => int.Parse(l.Split(',')[3])), Is.EqualTo(holders.Order()));
        Assert.That(uses, Has.Count.EqualTo(1 + 5));
        Assert.That(uses.Skip(1), Has.All.Contains(",ByCustomer,"));
        Assert.That(sharers.Skip(1).Single(), Does.StartWith($"{holders[0]},").And.EndWith(",1,0"));
    }

    private static async Task<List<string>> CsvLinesAsync(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [Test]
    public async Task Staff_see_before_pressing_Use_why_a_scanned_copy_cannot_be_used()
    {
        var book = await CreateAsync(DaysTerms(days: 2, uses: 1));
        var shareOnly = await CreateAsync(DaysTerms(days: 2, uses: 1, sharing: SharingMode.ShareOnly));
        await IssueAsync(book, A);
        await IssueAsync(shareOnly, A);
        var (coupon, copy) = await Coupons.ReadQrAsync(CouponQr.Sign(StoreCopy(A, book).Id, A, Key), Key);
        var (soCoupon, soCopy) = await Coupons.ReadQrAsync(CouponQr.Sign(StoreCopy(A, shareOnly).Id, A, Key), Key);

        Assert.That(Coupons.RefuseUseNow(coupon, copy), Is.Null);
        Assert.That(Coupons.RefuseUseNow(soCoupon, soCopy), Is.EqualTo(CouponResourceKeys.ShareOnlyCannotUse));

        await Coupons.UseOwnCopyAsync(copy.Id, A);
        (coupon, copy) = await Coupons.ReadQrAsync(CouponQr.Sign(copy.Id, A, Key), Key);
        Assert.That(Coupons.RefuseUseNow(coupon, copy), Is.EqualTo(CouponResourceKeys.UsedUp));

        var later = await CreateAsync(DaysTerms(days: 2, uses: 3));
        await IssueAsync(later, A);
        var (laterCoupon, laterCopy) = await Coupons.ReadQrAsync(CouponQr.Sign(StoreCopy(A, later).Id, A, Key), Key);
        Clock.Advance(TimeSpan.FromDays(2)); // received 1 April with 2 days: through 2 April
        Assert.That(Coupons.RefuseUseNow(laterCoupon, laterCopy), Is.EqualTo(CouponResourceKeys.CopyExpired));
    }
}
