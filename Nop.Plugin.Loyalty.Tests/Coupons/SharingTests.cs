using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>Sharing by link and email, claims, the share chain, share-only and used-up coupons, referrals.</summary>
public class SharingTests(DatabaseKind kind) : CouponFixture(kind)
{
    private int A => Registered[0];
    private int B => Registered[1];
    private int C => Registered[2];
    private int D => Registered[3];

    private string EmailOf(int customerId) => Db.GetTable<NopCustomer>().Single(c => c.Id == customerId).Email!;

    [Test]
    public async Task A_ten_use_book_shared_after_three_uses_leaves_seven_and_gives_the_friend_ten_with_their_own_validity()
    {
        var couponId = await CreateAsync(DaysTerms(days: 10, uses: 10));
        await IssueAsync(couponId, A);
        var mine = StoreCopy(A, couponId);
        for (var i = 0; i < 3; i++)
            await Coupons.UseOwnCopyAsync(mine.Id, A);

        Clock.Advance(TimeSpan.FromDays(2)); // 3 April in Tokyo
        var share = await Coupons.ShareByLinkAsync(mine.Id, A);
        var friends = await Coupons.ClaimAsync(share.Token, B);

        Assert.That(Copy(mine.Id).UsesLeft, Is.EqualTo(7));
        var theirs = Copy(friends.Id);
        Assert.That((theirs.UsesLeft, theirs.UsesTotal, theirs.OriginId, theirs.SourceId, theirs.SharedByCustomerId),
            Is.EqualTo((10, 10, (int)CopyOrigin.Share, share.Id, (int?)A)));
        Assert.That(theirs.ValidUntilUtc, Is.EqualTo(new DateTime(2027, 4, 12, 15, 0, 0)), "received 3 April: through 12 April");
        Assert.That(Copy(mine.Id).ValidUntilUtc, Is.EqualTo(new DateTime(2027, 4, 10, 15, 0, 0)), "the sharer's own validity is unchanged");
        Assert.That(Observer.Claimed.Single().Copy.Id, Is.EqualTo(friends.Id));
        Assert.That(share.Token, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public async Task Store_to_A_to_B_is_allowed_but_B_cannot_share_on_unless_the_store_sends_B_its_own()
    {
        var couponId = await CreateAsync(DaysTerms());
        await IssueAsync(couponId, A);
        var fromA = await Coupons.ClaimAsync((await Coupons.ShareByLinkAsync(StoreCopy(A, couponId).Id, A)).Token, B);

        Refused(CouponResourceKeys.ReceivedBySharing, () => Coupons.ShareByLinkAsync(fromA.Id, B));
        Refused(CouponResourceKeys.ReceivedBySharing, () => Coupons.ShareByEmailAsync(fromA.Id, B, EmailOf(C)));

        await IssueAsync(couponId, B); // the store also sends it to B directly
        var direct = StoreCopy(B, couponId);
        var toC = await Coupons.ClaimAsync((await Coupons.ShareByLinkAsync(direct.Id, B)).Token, C);
        Assert.That(Copy(toC.Id).SharedByCustomerId, Is.EqualTo(B));
        Assert.That(CopiesOf(C, couponId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_coupon_that_is_not_shareable_is_refused()
    {
        var couponId = await CreateAsync(DaysTerms(sharing: SharingMode.NotShareable));
        await IssueAsync(couponId, A);
        Refused(CouponResourceKeys.NotShareable, () => Coupons.ShareByLinkAsync(StoreCopy(A, couponId).Id, A));
        Assert.That(Db.GetTable<LoyaltyCouponShare>().Count(), Is.Zero);
    }

    [Test]
    public async Task Share_only_the_holder_cannot_use_it_but_shares_it_and_the_friend_can_use_theirs()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 2, sharing: SharingMode.ShareOnly, discountId: 5));
        await IssueAsync(couponId, A);
        var mine = StoreCopy(A, couponId);

        Refused(CouponResourceKeys.ShareOnlyCannotUse, () => Coupons.UseOwnCopyAsync(mine.Id, A));
        Refused(CouponResourceKeys.ShareOnlyCannotUse, () => Coupons.RedeemInStoreAsync(mine.Id, new UsePlace(900, "Counter 1")));
        Refused(CouponResourceKeys.NoUsableCopy, () => Coupons.RedeemForOrderAsync(A, 5, orderId: 1));
        Assert.That(await Coupons.HoldsUsableAsync(A, 5), Is.False);

        var friends = await Coupons.ClaimAsync((await Coupons.ShareByLinkAsync(mine.Id, A)).Token, B);
        Assert.That(await Coupons.HoldsUsableAsync(B, 5), Is.True);
        await Coupons.RedeemForOrderAsync(B, 5, orderId: 2);
        Assert.That((Copy(mine.Id).UsesLeft, Copy(friends.Id).UsesLeft), Is.EqualTo((2, 1)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_used_up_copy_is_shareable_only_when_the_coupon_says_so_and_never_after_it_expires(bool usedUpShareable)
    {
        var couponId = await CreateAsync(DaysTerms(days: 10, uses: 1, usedUpShareable: usedUpShareable));
        await IssueAsync(couponId, A);
        var mine = StoreCopy(A, couponId);
        await Coupons.UseOwnCopyAsync(mine.Id, A);

        if (usedUpShareable)
            Assert.That((await Coupons.ShareByLinkAsync(mine.Id, A)).CopyId, Is.EqualTo(mine.Id));
        else
            Refused(CouponResourceKeys.UsedUpNotShareable, () => Coupons.ShareByLinkAsync(mine.Id, A));

        Clock.Advance(new DateTime(2027, 4, 10, 15, 0, 0) - Clock.UtcNow); // the first instant of 11 April in Tokyo
        Refused(CouponResourceKeys.CopyExpired, () => Coupons.ShareByLinkAsync(mine.Id, A));
        Assert.That(Db.GetTable<LoyaltyCouponShare>().Count(), Is.EqualTo(usedUpShareable ? 1 : 0));
    }

    [Test]
    public async Task Shares_are_unlimited_and_each_claimer_gets_one_copy()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 4));
        await IssueAsync(couponId, A);
        var mine = StoreCopy(A, couponId);

        var link = await Coupons.ShareByLinkAsync(mine.Id, A);
        var claimers = Registered.Skip(1).Take(12).ToList();
        foreach (var customer in claimers)
            await Coupons.ClaimAsync(link.Token, customer);
        for (var i = 0; i < 25; i++)
            await Coupons.ShareByLinkAsync(mine.Id, A);

        Assert.That(Db.GetTable<LoyaltyCouponShare>().Count(s => s.SharerCustomerId == A), Is.EqualTo(26));
        Assert.That(Db.GetTable<LoyaltyCouponShare>().Select(s => s.Token).Distinct().Count(), Is.EqualTo(26));
        Assert.That(Db.GetTable<LoyaltyCouponCopy>().Where(c => c.SourceId == link.Id && c.OriginId == (int)CopyOrigin.Share).Select(c => c.CustomerId).ToList(),
            Is.EquivalentTo(claimers));
        Assert.That(Copy(mine.Id).UsesLeft, Is.EqualTo(4), "sharing takes nothing from the sharer");
    }

    [Test]
    public async Task Claims_refuse_own_repeated_unknown_and_expired_links_and_write_nothing()
    {
        var couponId = await CreateAsync(DaysTerms(days: 10));
        await IssueAsync(couponId, A);
        var link = await Coupons.ShareByLinkAsync(StoreCopy(A, couponId).Id, A);
        await Coupons.ClaimAsync(link.Token, B);
        var copies = Db.GetTable<LoyaltyCouponCopy>().Count();

        Refused(CouponResourceKeys.LinkOwn, () => Coupons.ClaimAsync(link.Token, A));
        Refused(CouponResourceKeys.LinkAlreadyClaimed, () => Coupons.ClaimAsync(link.Token, B));
        Refused(CouponResourceKeys.LinkUnknown, () => Coupons.ClaimAsync(new string('0', 64), C));
        Refused(CouponResourceKeys.LinkUnknown, () => Coupons.ClaimAsync(link.Token.ToUpperInvariant(), C));
        Refused(CouponResourceKeys.LinkUnknown, () => Coupons.ClaimAsync("' OR 1=1 --", C));
        Clock.Advance(new DateTime(2027, 4, 10, 15, 0, 0) - Clock.UtcNow); // the sharer's copy has just ended
        Refused(CouponResourceKeys.LinkExpired, () => Coupons.ClaimAsync(link.Token, C));

        Assert.That(Db.GetTable<LoyaltyCouponCopy>().Count(), Is.EqualTo(copies));
    }

    [Test]
    public async Task Sharing_by_email_gives_the_registered_customer_a_copy_at_once()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 3));
        await IssueAsync(couponId, A);
        var mine = StoreCopy(A, couponId);

        var (share, given) = await Coupons.ShareByEmailAsync(mine.Id, A, "  " + EmailOf(B).ToUpperInvariant() + " ");

        Assert.That((share.Channel, share.RecipientCustomerId), Is.EqualTo((ShareChannel.Email, (int?)B)));
        Assert.That(CopiesOf(B, couponId).Single().Id, Is.EqualTo(given.Id));
        Assert.That(Copy(given.Id).UsesLeft, Is.EqualTo(3));
        Refused(CouponResourceKeys.LinkForSomeoneElse, () => Coupons.ClaimAsync(share.Token, C));
        Refused(CouponResourceKeys.LinkAlreadyClaimed, () => Coupons.ClaimAsync(share.Token, B));
        Refused(CouponResourceKeys.ShareEmailUnknown, () => Coupons.ShareByEmailAsync(mine.Id, A, "nobody@example.com"));
        Refused(CouponResourceKeys.ShareToSelf, () => Coupons.ShareByEmailAsync(mine.Id, A, EmailOf(A)));
        Refused(CouponResourceKeys.CopyNotYours, () => Coupons.ShareByEmailAsync(mine.Id, C, EmailOf(D)));
        Assert.That(Db.GetTable<LoyaltyCouponShare>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_first_sharer_by_share_time_gets_the_referral_and_later_sharers_nothing()
    {
        var couponId = await CreateAsync(DaysTerms());
        await IssueAsync(couponId, A, B);
        var fromA = await Coupons.ShareByLinkAsync(StoreCopy(A, couponId).Id, A); // 1 April
        Clock.Advance(TimeSpan.FromDays(1));
        var fromB = await Coupons.ShareByLinkAsync(StoreCopy(B, couponId).Id, B); // 2 April
        Clock.Advance(TimeSpan.FromDays(1));

        // The newcomer opened B's link last (and first in the list), then registered.
        var newcomer = Registered[^1];
        var referral = await Coupons.CreditReferralAsync(newcomer, [fromB.Token, fromA.Token, "not-a-token"]);

        Assert.That((referral!.SharerCustomerId, referral.ShareId, referral.ReferredCustomerId), Is.EqualTo((A, fromA.Id, newcomer)));
        Assert.That(await Coupons.CreditReferralAsync(newcomer, [fromB.Token]), Is.Null, "a customer is referred once");
        Assert.That(await Coupons.CreditReferralAsync(A, [fromA.Token]), Is.Null, "not by one's own link");
        Assert.That(await Coupons.CreditReferralAsync(Registered[^2], []), Is.Null);
        Assert.That(Db.GetTable<LoyaltyCouponReferral>().Select(r => r.SharerCustomerId).ToList(), Is.EqualTo(new[] { A }));
        Assert.That(Observer.Referrals.Single().SharerCustomerId, Is.EqualTo(A));

        var grid = await Coupons.SharersAsync(0, 10);
        Assert.That(grid.Total, Is.EqualTo(2));
        Assert.That(grid.Rows.Select(r => (r.CustomerId, r.Shares, r.Referrals)), Is.EquivalentTo(new[] { (A, 1, 1), (B, 1, 0) }));
    }

    [Test]
    public async Task A_link_page_reads_the_share_and_says_whether_the_visitor_may_claim_it_now()
    {
        var couponId = await CreateAsync(DaysTerms(days: 3));
        await IssueAsync(couponId, A);
        var share = await Coupons.ShareByLinkAsync(StoreCopy(A, couponId).Id, A);

        Assert.That(await Coupons.ReadLinkAsync("f" + share.Token[1..].Replace('f', '0')), Is.Null);
        Assert.That(await Coupons.ReadLinkAsync(null), Is.Null);
        var (read, coupon) = (await Coupons.ReadLinkAsync(share.Token))!.Value;
        Assert.That((read.Id, coupon.Id), Is.EqualTo((share.Id, couponId)));
        Assert.That(Coupons.RefuseClaimNow(coupon, read, A), Is.EqualTo(CouponResourceKeys.LinkOwn));
        Assert.That(Coupons.RefuseClaimNow(coupon, read, B), Is.Null);

        Clock.Advance(TimeSpan.FromDays(3)); // the sharer's copy, and so the link, ended with 3 April
        Assert.That(Coupons.RefuseClaimNow(coupon, read, B), Is.EqualTo(CouponResourceKeys.LinkExpired));
        Refused(CouponResourceKeys.LinkExpired, () => Coupons.ClaimAsync(share.Token, B));
    }

    [Test]
    public async Task A_withdrawn_coupon_is_no_longer_sent_shared_claimed_or_used_and_leaves_the_wallet()
    {
        var couponId = await CreateAsync(DaysTerms(uses: 3, discountId: 77));
        await IssueAsync(couponId, A);
        var copyId = StoreCopy(A, couponId).Id;
        var link = await Coupons.ShareByLinkAsync(copyId, A);

        Db.GetTable<LoyaltyCoupon>().Where(c => c.Id == couponId).Set(c => c.Deleted, true).Update(); // the admin's Withdraw

        Refused(CouponResourceKeys.CouponUnknown, () => Coupons.QueueDistributionAsync(new DistributionRow
        {
            CouponId = couponId, TargetJson = GrantTargetJson.Serialize(new AllRegisteredTarget())
        }));
        Refused(CouponResourceKeys.CouponUnknown, () => Coupons.ShareByLinkAsync(copyId, A));
        Refused(CouponResourceKeys.CouponUnknown, () => Coupons.ClaimAsync(link.Token, B));
        Refused(CouponResourceKeys.CouponUnknown, () => Coupons.UseOwnCopyAsync(copyId, A));
        Refused(CouponResourceKeys.NoUsableCopy, () => Coupons.RedeemForOrderAsync(A, 77, orderId: 900));
        Assert.That((await Coupons.WalletAsync(A, CopyStatus.Valid)).Items, Is.Empty);
        Assert.That((StoreCopy(A, couponId).UsesLeft, CopiesOf(B).Count, Db.GetTable<LoyaltyCouponUse>().Count()), Is.EqualTo((3, 0, 0)),
            "nothing written; the copy stays in the history");
    }
}
