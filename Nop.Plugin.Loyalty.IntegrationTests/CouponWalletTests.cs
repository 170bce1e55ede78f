using System.Globalization;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Tests;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>The customer's coupon pages, claims, referral on registration and the staff's QR redemption, on nopCommerce's harness.</summary>
[TestFixture]
public class CouponWalletTests : LoyaltyHarness
{
    private CouponPipeline _coupons;
    private CouponWalletModelFactory _factory;
    private CouponSigningKey _signingKey;
    private CouponStaff _staff;
    private TimeZoneInfo _storeZone;
    private static int _nextSource = 1_000_000;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 1000);
        // The plugin's permissions, as nopCommerce inserts them at startup (and maps them to Administrators).
        await GetService<IPermissionService>().InsertPermissionsAsync();

        _storeZone = GetService<IDateTimeHelper>().DefaultStoreTimeZone;
        _coupons = CreatePipeline();
        Settings.CouponQrKey = Convert.ToBase64String(CouponQr.NewKey());
        _signingKey = ActivatorUtilities.CreateInstance<CouponSigningKey>(ServiceProvider, Settings);
        _factory = ActivatorUtilities.CreateInstance<CouponWalletModelFactory>(ServiceProvider, _coupons, _signingKey,
            ActivatorUtilities.CreateInstance<LoyaltyDates>(ServiceProvider), TimeProvider.System);
        _staff = ActivatorUtilities.CreateInstance<CouponStaff>(ServiceProvider);
    }

    private CouponPipeline CreatePipeline() => new(
        ActivatorUtilities.CreateInstance<NopCouponData>(ServiceProvider, Sources),
        ActivatorUtilities.CreateInstance<NopCouponWriter>(ServiceProvider),
        ActivatorUtilities.CreateInstance<NopCouponObserver>(ServiceProvider),
        TimeProvider.System,
        new CouponOptions(_storeZone, 1000));

    [Test]
    public async Task TheAdminsQrRedemptionRecordsThePlaceAndTheOwnButtonRecordsNone()
    {
        var holder = (await CreateCustomersAsync(1, "qr"))[0];
        var couponId = await _coupons.CreateCouponAsync(Terms("Counter coupon", uses: 3));
        var copy = await IssueAsync(couponId, holder, validFor: TimeSpan.FromDays(5));
        var admin = await GetService<ICustomerService>().GetCustomerByEmailAsync(NopTestsDefaults.AdminEmail);
        var key = await _signingKey.GetAsync();
        var token = CouponQr.Sign(copy.Id, holder.Id, key);

        (await _staff.MayRedeemAsync(admin)).Should().BeTrue("Administrators get \"Redeem coupons in store\" at install");
        (await _staff.MayRedeemAsync(holder)).Should().BeFalse("a customer cannot use copies at the counter");

        var before = await _factory.PrepareRedeemAsync(token);
        before.Error.Should().BeNullOrEmpty();
        before.Refusal.Should().BeNullOrEmpty();
        before.Title.Should().Be("Counter coupon");
        before.CustomerEmail.Should().Be(holder.Email);
        before.UsesLeft.Should().Be("3 of 3 uses left");

        var place = await _staff.PlaceOfAsync(admin);
        var use = await _coupons.RedeemByQrAsync(token, key, place);
        await _coupons.UseOwnCopyAsync(copy.Id, holder.Id);

        var uses = await GetService<IRepository<CouponUse>>().Table.Where(u => u.CopyId == copy.Id).OrderBy(u => u.Id).ToListAsync();
        var adminName = await GetService<ICustomerService>().GetCustomerFullNameAsync(admin);
        uses.Select(u => (u.KindId, u.PlaceCustomerId, u.PlaceName)).Should().Equal(
            ((int)UseKind.InStore, (int?)admin.Id, string.IsNullOrWhiteSpace(adminName) ? admin.Email : adminName.Trim()),
            ((int)UseKind.ByCustomer, (int?)null, (string)null));
        uses[0].Id.Should().Be(use.Id);
        (await GetService<IRepository<CouponCopy>>().GetByIdAsync(copy.Id)).UsesLeft.Should().Be(1);
        (await _factory.PrepareRedeemAsync(token)).UsesLeft.Should().Be("1 of 3 uses left");
    }

    [Test]
    public async Task ATamperedOrForeignQrLinkIsRefusedWithAClearMessageAndUsesNothing()
    {
        var holder = (await CreateCustomersAsync(1, "tamper"))[0];
        var copy = await IssueAsync(await _coupons.CreateCouponAsync(Terms("Tamper", uses: 1)), holder, TimeSpan.FromDays(2));
        var key = await _signingKey.GetAsync();
        var token = CouponQr.Sign(copy.Id, holder.Id, key);
        var edited = token.Replace($".{copy.Id}.", $".{copy.Id + 1}.");
        var invalid = await GetService<ILocalizationService>().GetResourceAsync(CouponResourceKeys.QrInvalid);

        (await _factory.PrepareRedeemAsync(edited)).Error.Should().Be(invalid);
        (await _factory.PrepareRedeemAsync(CouponQr.Sign(copy.Id, holder.Id, CouponQr.NewKey()))).Error.Should().Be(invalid);
        invalid.Should().NotStartWith("Plugins.", "the message is a text, not its key");
        var admin = await GetService<ICustomerService>().GetCustomerByEmailAsync(NopTestsDefaults.AdminEmail);
        var place = await _staff.PlaceOfAsync(admin);
        var act = () => _coupons.RedeemByQrAsync(edited, key, place);
        (await act.Should().ThrowAsync<LoyaltyRuleException>()).Which.ResourceKey.Should().Be(CouponResourceKeys.QrInvalid);
        (await GetService<IRepository<CouponCopy>>().GetByIdAsync(copy.Id)).UsesLeft.Should().Be(1);
    }

    [Test]
    public async Task AGiftToAnUnknownEmailSaysWhichAddressWasNotFound()
    {
        var sharer = (await CreateCustomersAsync(1, "gift"))[0];
        var copy = await IssueAsync(await _coupons.CreateCouponAsync(Terms("Gift me", uses: 2)), sharer, TimeSpan.FromDays(7));

        var act = () => _coupons.ShareByEmailAsync(copy.Id, sharer.Id, "nobody-here@example.com");
        var refusal = (await act.Should().ThrowAsync<LoyaltyRuleException>()).Which;

        var message = await _factory.MessageAsync(refusal);
        message.Should().Contain("nobody-here@example.com").And.NotContain("{0}");
        GetService<IRepository<CouponShare>>().Table.Count(s => s.CopyId == copy.Id).Should().Be(0);
    }

    [Test]
    public async Task TheSharerCannotClaimTheirOwnLinkButAFriendCanOnce()
    {
        var customers = await CreateCustomersAsync(2, "claim");
        var (sharer, friend) = (customers[0], customers[1]);
        var copy = await IssueAsync(await _coupons.CreateCouponAsync(Terms("Share me", uses: 10)), sharer, TimeSpan.FromDays(7));
        var share = await _coupons.ShareByLinkAsync(copy.Id, sharer.Id);
        var localization = GetService<ILocalizationService>();

        var page = await _factory.PrepareClaimAsync(share.Token, sharer, isSignedIn: true);
        page.Refusal.Should().Be(await localization.GetResourceAsync(CouponResourceKeys.LinkOwn));
        page.Title.Should().Be("Share me");
        var own = () => _coupons.ClaimAsync(share.Token, sharer.Id);
        (await own.Should().ThrowAsync<LoyaltyRuleException>()).Which.ResourceKey.Should().Be(CouponResourceKeys.LinkOwn);

        (await _factory.PrepareClaimAsync(share.Token, friend, isSignedIn: true)).Refusal.Should().BeNullOrEmpty();
        var claimed = await _coupons.ClaimAsync(share.Token, friend.Id);
        var again = () => _coupons.ClaimAsync(share.Token, friend.Id);
        (await again.Should().ThrowAsync<LoyaltyRuleException>()).Which.ResourceKey.Should().Be(CouponResourceKeys.LinkAlreadyClaimed);

        var copies = GetService<IRepository<CouponCopy>>().Table;
        copies.Count(c => c.CustomerId == sharer.Id).Should().Be(1, "the sharer got nothing from their own link");
        copies.Where(c => c.CustomerId == friend.Id).Select(c => c.Id).ToList().Should().Equal(claimed.Id);
        (await _factory.PrepareClaimAsync("0" + share.Token[1..], friend, true)).Refusal
            .Should().Be(await localization.GetResourceAsync(CouponResourceKeys.LinkUnknown));
    }

    [Test]
    public async Task ARegistrationAfterFollowingSharedLinksCreditsTheFirstSharer()
    {
        var customers = await CreateCustomersAsync(3, "referral");
        var (first, later, newcomer) = (customers[0], customers[1], customers[2]);
        var couponId = await _coupons.CreateCouponAsync(Terms("Bring a friend", uses: 1));
        var firstShare = await _coupons.ShareByLinkAsync((await IssueAsync(couponId, first, TimeSpan.FromDays(3))).Id, first.Id);
        await Task.Delay(20); // a later share time
        var laterShare = await _coupons.ShareByLinkAsync((await IssueAsync(couponId, later, TimeSpan.FromDays(3))).Id, later.Id);

        // The visitor opened both links (two requests, the cookie carried over), the later sharer's last; then registered.
        var opened = new DefaultHttpContext();
        new CouponLinkCookie(new HttpContextAccessor { HttpContext = opened }).Remember(firstShare.Token);
        var openedAgain = new DefaultHttpContext();
        openedAgain.Request.Headers.Cookie = $"{CouponLinkCookie.Name}={Uri.EscapeDataString(SetCookieValue(opened))}";
        new CouponLinkCookie(new HttpContextAccessor { HttpContext = openedAgain }).Remember(laterShare.Token);
        var remembered = SetCookieValue(openedAgain);
        CouponLinkCookie.Parse(remembered).Should().Equal(firstShare.Token, laterShare.Token);

        var registration = new DefaultHttpContext();
        registration.Request.Headers.Cookie = $"{CouponLinkCookie.Name}={Uri.EscapeDataString(remembered)}";
        var services = new ServiceCollection().AddSingleton(CreatePipeline()).BuildServiceProvider();
        var consumer = ActivatorUtilities.CreateInstance<CouponReferralConsumer>(ServiceProvider, (IServiceProvider)services,
            (IHttpContextAccessor)new HttpContextAccessor { HttpContext = registration });
        await consumer.HandleEventAsync(new CustomerRegisteredEvent(newcomer));

        var referrals = await GetService<IRepository<CouponReferral>>().Table.Where(r => r.ReferredCustomerId == newcomer.Id).ToListAsync();
        referrals.Select(r => (r.SharerCustomerId, r.ShareId)).Should().Equal((first.Id, firstShare.Id));
        registration.Response.Headers.SetCookie.ToString().Should().StartWith(CouponLinkCookie.Name + "=;", "the links are forgotten once used");
    }

    [Test]
    public async Task TheWalletListsValidUsedAndExpiredCopiesInTheirTabs()
    {
        var holder = (await CreateCustomersAsync(1, "wallet"))[0];
        var couponId = await _coupons.CreateCouponAsync(Terms("Wallet coupon", uses: 3), new CouponRow { BenefitText = "10% off" });
        var soon = await IssueAsync(couponId, holder, TimeSpan.FromDays(2), usesLeft: 2);
        var later = await IssueAsync(couponId, holder, TimeSpan.FromDays(9));
        var used = await IssueAsync(couponId, holder, TimeSpan.FromDays(9), usesLeft: 0);
        var usedAndExpired = await IssueAsync(couponId, holder, TimeSpan.FromDays(-1), usesLeft: 0);
        var expired = await IssueAsync(couponId, holder, TimeSpan.FromDays(-2), usesLeft: 1);
        var other = (await CreateCustomersAsync(1, "other"))[0];
        await IssueAsync(couponId, other, TimeSpan.FromDays(3));

        var valid = await _factory.PrepareWalletAsync(holder, CopyStatus.Valid, null);
        var usedTab = await _factory.PrepareWalletAsync(holder, CopyStatus.Used, null);
        var expiredTab = await _factory.PrepareWalletAsync(holder, CopyStatus.Expired, null);

        valid.Items.Select(i => i.CopyId).Should().Equal([soon.Id, later.Id], "soonest-ending first");
        usedTab.Items.Select(i => i.CopyId).Should().Equal([used.Id, usedAndExpired.Id], "latest-ending first");
        expiredTab.Items.Select(i => i.CopyId).Should().Equal(expired.Id);
        valid.Next.Should().BeNull();

        var card = valid.Items[0];
        card.Title.Should().Be("Wallet coupon");
        card.Benefit.Should().Be("10% off");
        card.UsesLeft.Should().Be("2 of 3 uses left");
        var zone = await GetService<IDateTimeHelper>().GetCurrentTimeZoneAsync();
        card.Validity.Should().Be($"Valid through {LoyaltyDates.Expiry(soon.ValidUntilUtc, zone, CultureInfo.CurrentCulture, DateAudience.Customer)}");
        card.Validity.Should().Contain(TimeZoneInfo.ConvertTimeFromUtc(soon.ValidUntilUtc.AddDays(-1), zone).ToString("yyyy"));

        (await _factory.PrepareCopyAsync(other, soon.Id)).Should().BeNull("another customer's copy is not shown");
        var detail = await _factory.PrepareCopyAsync(holder, soon.Id);
        detail.CanUse.Should().BeTrue();
        detail.QrImage.Should().StartWith("data:image/png;base64,");
        var qrToken = detail.QrLink[(detail.QrLink.IndexOf("/coupons/use/", StringComparison.Ordinal) + "/coupons/use/".Length)..];
        CouponQr.Verify(qrToken, await _signingKey.GetAsync()).Should().Be((soon.Id, holder.Id));
        (await GetService<IRepository<CouponCopy>>().GetByIdAsync(soon.Id)).FirstViewedOnUtc.Should().NotBeNull("opening the detail marks it viewed");
        (await GetService<IRepository<CouponCopy>>().GetByIdAsync(later.Id)).FirstViewedOnUtc.Should().BeNull();
        (await _factory.PrepareCopyAsync(holder, expired.Id)).QrImage.Should().BeNullOrEmpty("an expired copy cannot be used");
    }

    [Test]
    public async Task TheWalletPagesByKeysetWithoutRepeatingOrSkipping()
    {
        var holder = (await CreateCustomersAsync(1, "pages"))[0];
        var couponId = await _coupons.CreateCouponAsync(Terms("Paged", uses: 1));
        var issued = new List<int>();
        for (var i = 0; i < CouponWalletModelFactory.WalletPageSize + 5; i++)
            issued.Add((await IssueAsync(couponId, holder, TimeSpan.FromDays(1 + i % 4))).Id);

        var first = await _factory.PrepareWalletAsync(holder, CopyStatus.Valid, null);
        var second = await _factory.PrepareWalletAsync(holder, CopyStatus.Valid, first.Next);

        first.Items.Should().HaveCount(CouponWalletModelFactory.WalletPageSize);
        second.Items.Should().HaveCount(5);
        second.Next.Should().BeNull();
        second.IsContinued.Should().BeTrue();
        first.Items.Concat(second.Items).Select(i => i.CopyId).Should().BeEquivalentTo(issued);
        (await _factory.PrepareWalletAsync(holder, CopyStatus.Valid, "edited-cursor")).Items.Select(i => i.CopyId)
            .Should().Equal(first.Items.Select(i => i.CopyId), "an unreadable cursor starts the tab over");
    }

    private static CouponTerms Terms(string title, int uses) =>
        new(title, CouponValidityKind.DaysFromReceipt, null, null, 30, uses, SharingMode.Shareable);

    /// <summary>A store copy ending <paramref name="validFor"/> from now (negative: ended), as a distribution leaves it.</summary>
    private async Task<CouponCopy> IssueAsync(int couponId, Customer customer, TimeSpan validFor, int? usesLeft = null)
    {
        var coupon = await GetService<IRepository<Coupon>>().GetByIdAsync(couponId);
        var now = DateTime.UtcNow;
        var copy = new CouponCopy
        {
            CouponId = couponId,
            CustomerId = customer.Id,
            OriginId = (int)CopyOrigin.Store,
            // Each its own "distribution": a customer holds one copy per source (a unique index).
            SourceId = Interlocked.Increment(ref _nextSource),
            ReceivedOnUtc = now.AddDays(-10),
            ValidFromUtc = now.AddDays(-10),
            ValidUntilUtc = Millis(now.Add(validFor)),
            UsesTotal = coupon.Uses,
            UsesLeft = usesLeft ?? coupon.Uses
        };
        await GetService<IRepository<CouponCopy>>().InsertAsync(copy, false);
        return copy;
    }

    private static DateTime Millis(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static string SetCookieValue(HttpContext context)
    {
        var header = context.Response.Headers.SetCookie.Last()!;
        var value = header[(CouponLinkCookie.Name.Length + 1)..header.IndexOf(';')];
        return Uri.UnescapeDataString(value);
    }
}
