using System.Text;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Coupons;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Events;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Coupons;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Services.Messages;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>Coupon distribution runs recorded instead of queued to Hangfire; tests run them themselves.</summary>
public sealed class RecordingDistributionQueue : ICouponDistributionQueue
{
    public List<int> Enqueued { get; } = new();

    public Task EnqueueAsync(int distributionId)
    {
        Enqueued.Add(distributionId);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Sending a coupon to a customer role as the admin page does (the wizard's draft, the distribution service, the engine's
/// chunked run over nopCommerce's tables), the email queued per chunk after commit, a resumed run, and the history.
/// </summary>
[TestFixture]
public class CouponDistributionTests : LoyaltyHarness
{
    private MessageTemplate _template;
    private RecordingDistributionQueue _queue;
    private CouponPipeline _coupons;
    private CouponDistributionService _distributions;
    private NopCouponData _data;

    /// <summary>Tells the email consumer of each committed chunk, as nopCommerce's event publisher does in a store.</summary>
    private sealed class EmailingObserver(CouponIssuedEmailConsumer consumer) : ICouponObserver
    {
        public Action AfterChunk { get; set; }
        public int Chunks { get; private set; }

        public async Task IssuedAsync(DistributionRow distribution, IReadOnlyList<int> customerIds)
        {
            Chunks++;
            await consumer.HandleEventAsync(new CouponIssuedEvent(distribution, customerIds));
            AfterChunk?.Invoke();
        }

        public Task SharedAsync(ShareRow share, CopyRow recipientCopy) => Task.CompletedTask;
        public Task ClaimedAsync(ShareRow share, CopyRow copy) => Task.CompletedTask;
        public Task RedeemedAsync(UseRow use) => Task.CompletedTask;
        public Task ReferralCreditedAsync(ReferralRow referral) => Task.CompletedTask;
        /// <summary>The engine logs an observer's failure and goes on; the tests fail on it.</summary>
        public List<Exception> Errors { get; } = new();

        public Task ErrorAsync(string message, Exception exception)
        {
            Errors.Add(exception);
            return Task.CompletedTask;
        }
    }

    private EmailingObserver _observer;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 2);
        _template = new MessageTemplate
        {
            Name = LoyaltyDefaults.CouponIssuedMessageTemplateName,
            Subject = "Coupon %Loyalty.Coupon.Title%",
            Body = "Hello %Customer.Email%: %Loyalty.Coupon.Title%, %Loyalty.Coupon.Uses% uses until %Loyalty.Coupon.ValidUntil%.",
            IsActive = true,
            EmailAccountId = (await GetService<IRepository<EmailAccount>>().Table.FirstAsync()).Id
        };
        await GetService<IMessageTemplateService>().InsertMessageTemplateAsync(_template);

        var provider = ServiceProvider;
        var loyaltyData = ActivatorUtilities.CreateInstance<NopLoyaltyData>(provider, Sources);
        var messages = ActivatorUtilities.CreateInstance<LoyaltyMessageService>(provider, (ILoyaltyData)loyaltyData, new PipelineOptions(2), Settings);
        _observer = new EmailingObserver(ActivatorUtilities.CreateInstance<CouponIssuedEmailConsumer>(provider, messages));
        _data = ActivatorUtilities.CreateInstance<NopCouponData>(provider, Sources);
        _coupons = new CouponPipeline(_data, ActivatorUtilities.CreateInstance<NopCouponWriter>(provider), _observer, TimeProvider.System,
            new CouponOptions(TimeZoneInfo.Utc, 2));
        _queue = new RecordingDistributionQueue();
        _distributions = ActivatorUtilities.CreateInstance<CouponDistributionService>(provider, _coupons,
            ActivatorUtilities.CreateInstance<GrantTargetFactory>(provider, (ISegmentService)Segments, UploadedLists),
            (ICouponDistributionQueue)_queue, (IGrantWizardService)Wizard, Sources, UploadedLists);
    }

    [TearDown]
    public void NoObserverErrors()
    {
        var errors = _observer.Errors.ToList();
        _observer.Errors.Clear();
        errors.Should().BeEmpty("queuing the emails must not fail");
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await GetService<IMessageTemplateService>().DeleteMessageTemplateAsync(_template);

    /// <summary>A role of three new customers (the first a newsletter subscriber) and two customers outside it.</summary>
    private async Task<(CustomerRole Role, IList<Customer> Members, IList<Customer> Others)> RoleWithMembersAsync(string prefix)
    {
        var role = new CustomerRole { Name = prefix + Guid.NewGuid().ToString("N")[..6], SystemName = prefix, Active = true };
        await GetService<IRepository<CustomerRole>>().InsertAsync(role, false);
        var members = await CreateCustomersAsync(3, prefix);
        var others = await CreateCustomersAsync(2, prefix + "x");
        await GetService<IRepository<CustomerCustomerRoleMapping>>().InsertAsync(members
            .Select(c => new CustomerCustomerRoleMapping { CustomerId = c.Id, CustomerRoleId = role.Id }).ToList(), false);
        await GetService<IRepository<NewsLetterSubscription>>().InsertAsync(new NewsLetterSubscription
        {
            NewsLetterSubscriptionGuid = Guid.NewGuid(),
            Email = members[0].Email,
            Active = true,
            StoreId = StoreId,
            CreatedOnUtc = DateTime.UtcNow,
            LanguageId = members[0].LanguageId ?? (await GetService<IRepository<Nop.Core.Domain.Localization.Language>>().Table.FirstAsync()).Id,
            TypeId = (await GetService<IRepository<NewsLetterSubscriptionType>>().Table.FirstAsync()).Id
        }, false);
        return (role, members, others);
    }

    private async Task<int> CouponAsync(string title) =>
        await _coupons.CreateCouponAsync(new CouponTerms(title, CouponValidityKind.DaysFromReceipt, null, null, 10, 2, SharingMode.Shareable));

    private GrantDraft RoleDraft(CustomerRole role, bool notify) => new()
    {
        TargetKind = GrantTargetKind.Roles,
        RoleIds = [role.Id],
        NotifyCustomers = notify,
        StoreId = StoreId
    };

    private async Task<List<CouponCopy>> CopiesAsync(int couponId) =>
        await GetService<IRepository<CouponCopy>>().Table.Where(c => c.CouponId == couponId).ToListAsync();

    private async Task<List<QueuedEmail>> EmailsAsync(string title) =>
        await GetService<IRepository<QueuedEmail>>().Table.Where(e => e.Subject == "Coupon " + title).ToListAsync();

    [TestCase(true)]
    [TestCase(false)]
    public async Task Sending_to_a_role_issues_one_copy_per_member_and_emails_whom_it_should(bool newsletterOnly)
    {
        var (role, members, others) = await RoleWithMembersAsync("dist" + (newsletterOnly ? "n" : "a"));
        var title = "Spring " + Guid.NewGuid().ToString("N")[..8];
        var couponId = await CouponAsync(title);

        (await _distributions.PreviewAsync(RoleDraft(role, true))).RecipientCount.Should().Be(3);
        var id = await _distributions.DistributeAsync(couponId, RoleDraft(role, true), newsletterOnly, 0);
        _queue.Enqueued.Should().Contain(id, "the run is queued to the background");
        (await _distributions.RunAsync(id)).Should().Be(GrantRunOutcome.Completed);

        var copies = await CopiesAsync(couponId);
        copies.Select(c => c.CustomerId).Should().BeEquivalentTo(members.Select(c => c.Id), "one copy per member, none to the others");
        copies.Should().OnlyContain(c => c.UsesLeft == 2 && c.OriginId == (int)CopyOrigin.Store && c.SourceId == id);
        copies.Select(c => c.CustomerId).Should().NotIntersectWith(others.Select(c => c.Id));
        var distribution = await _distributions.GetDistributionAsync(id);
        (distribution.IssuedCount, distribution.PlannedCount, distribution.StatusId).Should().Be((3, 3, (int)DistributionStatus.Completed));

        var emails = await EmailsAsync(title);
        string[] expected = newsletterOnly ? [members[0].Email] : members.Select(c => c.Email).ToArray();
        emails.Select(e => e.To).Should().BeEquivalentTo(expected);
        emails.Should().OnlyContain(e => e.Body.Contains(title) && e.Body.Contains(" 2 uses until "));
    }

    [Test]
    public async Task Without_notify_no_email_is_queued()
    {
        var (role, members, _) = await RoleWithMembersAsync("distq");
        var title = "Quiet " + Guid.NewGuid().ToString("N")[..8];
        var couponId = await CouponAsync(title);

        var id = await _distributions.DistributeAsync(couponId, RoleDraft(role, false), false, 0);
        await _distributions.RunAsync(id);

        (await CopiesAsync(couponId)).Should().HaveCount(members.Count);
        (await EmailsAsync(title)).Should().BeEmpty();
    }

    [Test]
    public async Task A_resumed_run_issues_no_one_twice()
    {
        var (role, members, _) = await RoleWithMembersAsync("distr");
        var title = "Resume " + Guid.NewGuid().ToString("N")[..8];
        var couponId = await CouponAsync(title);
        var id = await _distributions.DistributeAsync(couponId, RoleDraft(role, true), false, 0);

        // Stopped after its first chunk of two (a shutdown): it stays Running with no runner, so it is stalled.
        using (var stop = new CancellationTokenSource())
        {
            _observer.AfterChunk = stop.Cancel;
            try
            {
                var run = async () => await _distributions.RunAsync(id, stop.Token);
                await run.Should().ThrowAsync<OperationCanceledException>();
            }
            finally
            {
                _observer.AfterChunk = null;
            }
        }

        (await CopiesAsync(couponId)).Should().HaveCount(2);
        _queue.Enqueued.Clear();
        (await _distributions.ResumeStalledAsync()).Should().BeGreaterThanOrEqualTo(1);
        _queue.Enqueued.Should().Contain(id, "the resume task queues the stalled run again");
        (await _distributions.RunAsync(id)).Should().Be(GrantRunOutcome.Completed);

        // A crash after the first chunk's commit but before its checkpoint: the run starts from the top again.
        var repository = GetService<IRepository<CouponDistribution>>();
        var distribution = await repository.GetByIdAsync(id);
        distribution.StatusId = (int)DistributionStatus.Running;
        distribution.LastCustomerId = 0;
        await repository.UpdateAsync(distribution, false);
        (await _distributions.RunAsync(id)).Should().Be(GrantRunOutcome.Completed);

        var copies = await CopiesAsync(couponId);
        copies.Select(c => c.CustomerId).Should().BeEquivalentTo(members.Select(c => c.Id), "each member holds exactly one copy");
        (await repository.GetByIdAsync(id)).IssuedCount.Should().Be(3);
        (await EmailsAsync(title)).Select(e => e.To).Should().BeEquivalentTo(members.Select(c => c.Email), "one email each, none twice");
    }

    [Test]
    public async Task The_history_shows_what_was_issued_and_used()
    {
        var (role, members, _) = await RoleWithMembersAsync("disth");
        var title = "History " + Guid.NewGuid().ToString("N")[..8];
        var couponId = await CouponAsync(title);
        var id = await _distributions.DistributeAsync(couponId, RoleDraft(role, false), false, 0);
        await _distributions.RunAsync(id);
        var copy = (await CopiesAsync(couponId)).Single(c => c.CustomerId == members[1].Id);
        await _coupons.RedeemInStoreAsync(copy.Id, new UsePlace(members[2].Id, "Shibuya counter"));

        var recipients = await _coupons.RecipientsAsync(new RecipientFilter(couponId), 0, 10);
        recipients.Total.Should().Be(3);
        recipients.Rows.Select(r => (r.CustomerId, r.Email, r.Title)).Should()
            .BeEquivalentTo(members.Select(m => (m.Id, m.Email, title)));
        recipients.Rows.Single(r => r.CustomerId == members[1].Id).UseCount.Should().Be(1);
        recipients.Rows.Where(r => r.CustomerId != members[1].Id).Should().OnlyContain(r => r.UseCount == 0 && r.LastUsedOnUtc == null);

        var page = await _coupons.RecipientsAsync(new RecipientFilter(couponId), 1, 1);
        (page.Total, page.Rows.Count).Should().Be((3, 1), "the grid is paged in the database");

        var uses = await _coupons.UsesAsync(new UseFilter(PlaceCustomerId: members[2].Id), 0, 10);
        uses.Rows.Should().ContainSingle().Which.Should().Match<UseLine>(u =>
            u.CopyId == copy.Id && u.CustomerId == members[1].Id && u.PlaceName == "Shibuya counter" && u.Kind == UseKind.InStore);

        using var csv = new MemoryStream();
        await CouponCsv.WriteRecipientsAsync(_data, new RecipientFilter(couponId), ["copy", "coupon"], csv);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4, "a header and one line per recipient");
        foreach (var member in members)
            lines.Should().ContainSingle(l => l.Contains(member.Email));
    }
}
