using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Testing;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Tests.Coupons;

/// <summary>The wallet's tabs and keyset pages against a reference computed in memory from the copies table, and generated share/use runs.</summary>
public class WalletTests(DatabaseKind kind) : CouponFixture(kind)
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task Paging_each_tab_returns_exactly_the_copies_a_reference_puts_there_in_order(int seed)
    {
        var random = new Random(seed);
        var customer = Registered[0];
        var couponIds = new List<int>();
        for (var i = 0; i < 4; i++)
            couponIds.Add(await CreateAsync(DaysTerms(days: 1 + random.Next(20), uses: 1 + random.Next(3))));
        var withdrawn = await CreateAsync(DaysTerms());
        // Copies received on different days, some used, some used up; one coupon later withdrawn.
        for (var day = 0; day < 12; day++)
        {
            await IssueAsync(couponIds[random.Next(couponIds.Count)], customer, Registered[1]);
            if (day % 5 == 0)
                await IssueAsync(withdrawn, customer);
            Clock.Advance(TimeSpan.FromHours(10 + random.Next(30)));
        }

        foreach (var copy in CopiesOf(customer).Where(_ => random.Next(3) == 0))
            while (random.Next(2) == 0 && Copy(copy.Id).UsesLeft > 0 && Copy(copy.Id).ValidUntilUtc > Clock.UtcNow)
                await Coupons.UseOwnCopyAsync(copy.Id, customer);
        Db.GetTable<LoyaltyCoupon>().Where(c => c.Id == withdrawn).Set(c => c.Deleted, true).Update();

        var now = Clock.UtcNow;
        var rows = Db.GetTable<LoyaltyCouponCopy>().Where(c => c.CustomerId == customer && c.CouponId != withdrawn).ToList();
        var seen = new List<int>();
        foreach (var tab in Enum.GetValues<CopyStatus>())
        {
            // The reference: the tab rules as the issue states them, sorted as the wallet shows them.
            var expected = rows.Where(c => tab switch
                {
                    CopyStatus.Used => c.UsesLeft == 0,
                    CopyStatus.Expired => c.UsesLeft > 0 && c.ValidUntilUtc <= now,
                    _ => c.UsesLeft > 0 && c.ValidUntilUtc > now
                })
                .ToList();
            expected = tab == CopyStatus.Valid
                ? expected.OrderBy(c => c.ValidUntilUtc).ThenBy(c => c.Id).ToList()
                : expected.OrderByDescending(c => c.ValidUntilUtc).ThenByDescending(c => c.Id).ToList();

            var got = new List<WalletItem>();
            WalletCursor? cursor = null;
            do
            {
                var page = await Coupons.WalletAsync(customer, tab, cursor, pageSize: 3);
                Assert.That(page.Items, Has.Count.LessThanOrEqualTo(3));
                got.AddRange(page.Items);
                cursor = page.Next;
            } while (cursor != null);

            Assert.That(got.Select(i => i.CopyId), Is.EqualTo(expected.Select(c => c.Id)), tab.ToString());
            Assert.That(got.Select(i => (i.UsesLeft, i.ValidUntilUtc)), Is.EqualTo(expected.Select(c => (c.UsesLeft, c.ValidUntilUtc))));
            Assert.That(got, Has.All.Matches<WalletItem>(i => i.Status == tab && i.Title == "Spring coffee"));
            seen.AddRange(got.Select(i => i.CopyId));
        }

        Assert.That(seen, Is.EquivalentTo(rows.Select(r => r.Id)), "every copy of a coupon not withdrawn is in exactly one tab");
        Assert.That(rows, Has.Count.GreaterThan(8));
    }

    [Test]
    public async Task A_wallet_item_says_what_its_holder_may_do()
    {
        var shareOnly = await CreateAsync(DaysTerms(sharing: SharingMode.ShareOnly) with { Code = "FRIENDS", ShowCode = true });
        var hidden = await CreateAsync(DaysTerms(sharing: SharingMode.NotShareable) with { Code = "SECRET" });
        var customer = Registered[0];
        await IssueAsync(shareOnly, customer);
        await IssueAsync(hidden, customer);

        var a = await Coupons.FindWalletItemAsync(StoreCopy(customer, shareOnly).Id, customer);
        var b = await Coupons.FindWalletItemAsync(StoreCopy(customer, hidden).Id, customer);

        Assert.That((a!.CanUse, a.CanShare, a.Code), Is.EqualTo((false, true, "FRIENDS")));
        Assert.That((b!.CanUse, b.CanShare, b.Code), Is.EqualTo((true, false, (string?)null)));
        Assert.That(await Coupons.FindWalletItemAsync(StoreCopy(customer, hidden).Id, Registered[1]), Is.Null, "someone else's copy");
    }

    /// <summary>
    /// Generated runs of shares, claims and uses among a few customers, checked against a model kept in the test: each
    /// copy's uses left is its total less the uses recorded, never negative, and who may share is the store copies' holders.
    /// </summary>
    [TestCase(4)]
    [TestCase(5)]
    public async Task Generated_share_claim_and_use_runs_keep_uses_and_sharing_rules(int seed)
    {
        var random = new Random(seed);
        var people = Registered.Take(6).ToArray();
        var couponId = await CreateAsync(DaysTerms(days: 3, uses: 3, usedUpShareable: random.Next(2) == 0));
        await IssueAsync(couponId, people[..3]);
        var tokens = new List<string>();
        var (shares, claims, uses, refusals) = (0, 0, 0, 0);

        for (var step = 0; step < 80; step++)
        {
            Clock.Advance(TimeSpan.FromMinutes(random.Next(90)));
            var who = people[random.Next(people.Length)];
            var mine = CopiesOf(who, couponId);
            try
            {
                switch (random.Next(3))
                {
                    case 0 when mine.Count > 0:
                        tokens.Add((await Coupons.ShareByLinkAsync(mine[random.Next(mine.Count)].Id, who)).Token);
                        shares++;
                        break;
                    case 1 when tokens.Count > 0:
                        await Coupons.ClaimAsync(tokens[random.Next(tokens.Count)], who);
                        claims++;
                        break;
                    case 2 when mine.Count > 0:
                        await Coupons.UseOwnCopyAsync(mine[random.Next(mine.Count)].Id, who);
                        uses++;
                        break;
                }
            }
            catch (Nop.Plugin.Loyalty.Engine.LoyaltyRuleException)
            {
                refusals++;
            }
        }

        var copies = Db.GetTable<LoyaltyCouponCopy>().ToList();
        var useRows = Db.GetTable<LoyaltyCouponUse>().ToList();
        var shareRows = Db.GetTable<LoyaltyCouponShare>().ToList();
        Assert.That(useRows, Has.Count.EqualTo(uses));
        Assert.That(copies.Count(c => c.OriginId == (int)CopyOrigin.Share), Is.EqualTo(claims));
        foreach (var copy in copies)
            Assert.That(copy.UsesLeft, Is.EqualTo(copy.UsesTotal - useRows.Count(u => u.CopyId == copy.Id)).And.GreaterThanOrEqualTo(0), $"copy {copy.Id}");
        var storeCopies = copies.Where(c => c.OriginId == (int)CopyOrigin.Store).Select(c => c.Id).ToHashSet();
        Assert.That(shareRows.Select(s => s.CopyId), Has.All.Matches<int>(storeCopies.Contains), "only store copies were shared");
        Assert.That(copies.GroupBy(c => (c.OriginId, c.SourceId, c.CustomerId)).Where(g => g.Count() > 1), Is.Empty, "one claim per link per customer");
        Assert.That(shareRows.Where(s => copies.Any(c => c.SourceId == s.Id && c.OriginId == (int)CopyOrigin.Share && c.CustomerId == s.SharerCustomerId)),
            Is.Empty, "no one claimed their own link");
        Assert.That(new[] { shares, claims, refusals }, Has.All.Positive, "the run exercised shares, claims and refusals");
    }
}
