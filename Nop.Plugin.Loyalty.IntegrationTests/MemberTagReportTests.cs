using FluentAssertions;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Data;
using Nop.Plugin.Loyalty.Data.Migrations;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Messages;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>Hangfire jobs recorded instead of stored; the test reads what would run.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Jobs { get; } = new();

    public string Create(Job job, IState state)
    {
        Jobs.Add(job);
        return Jobs.Count.ToString();
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}

/// <summary>Member tags as nopCommerce sees them: a campaign's role filter on a tag's role, and sales by tag over real orders.</summary>
[TestFixture]
public class MemberTagReportTests : LoyaltyHarness
{
    private ILoyaltyData _data;
    private TagReportService _reports;
    private CampaignTaggingService _campaigns;
    private RecordingJobClient _jobs;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync();
        await EnsureTagTablesAsync();
        _data = ActivatorUtilities.CreateInstance<NopLoyaltyData>(ServiceProvider, Sources);
        _reports = ActivatorUtilities.CreateInstance<TagReportService>(ServiceProvider, _data,
            new LoyaltyDates(GetService<IDateTimeHelper>()), TimeProvider.System);
        _jobs = new RecordingJobClient();
        _campaigns = ActivatorUtilities.CreateInstance<CampaignTaggingService>(ServiceProvider, _data, (IBackgroundJobClient)_jobs);
    }

    /// <summary>A tag as the tag admin creates it: its own active, non-system role named after it, and the tag row.</summary>
    private Task<MemberTag> CreateTagAsync(string name, params Customer[] members) => CreateTagAsync(name, true, "#d4af37", members);

    private async Task<MemberTag> CreateTagAsync(string name, bool visible, string color, params Customer[] members)
    {
        var role = new CustomerRole { Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}", Active = true, IsSystemRole = false };
        var customerService = GetService<ICustomerService>();
        await customerService.InsertCustomerRoleAsync(role);
        var tag = new MemberTag { CustomerRoleId = role.Id, Color = color, VisibleToCustomers = visible, CreatedOnUtc = DateTime.UtcNow };
        await GetService<IRepository<MemberTag>>().InsertAsync(tag, false);
        role.SystemName = $"Loyalty.Tag.{tag.Id}";
        await customerService.UpdateCustomerRoleAsync(role);
        await GetService<IRepository<CustomerCustomerRoleMapping>>().InsertAsync(members
            .Select(c => new CustomerCustomerRoleMapping { CustomerId = c.Id, CustomerRoleId = role.Id }).ToList(), false);
        return tag;
    }

    private async Task SubscribeAsync(params Customer[] customers)
    {
        var typeId = (await GetService<IRepository<NewsLetterSubscriptionType>>().Table.FirstAsync()).Id;
        var languageId = (await GetService<IRepository<Nop.Core.Domain.Localization.Language>>().Table.FirstAsync()).Id;
        await GetService<IRepository<NewsLetterSubscription>>().InsertAsync(customers.Select(c => new NewsLetterSubscription
        {
            NewsLetterSubscriptionGuid = Guid.NewGuid(),
            Email = c.Email,
            Active = true,
            StoreId = StoreId,
            TypeId = typeId,
            LanguageId = languageId,
            CreatedOnUtc = DateTime.UtcNow
        }).ToList(), false);
    }

    [Test]
    public async Task A_campaign_filtered_on_a_tags_role_reaches_the_tagged_subscribers_and_tags_its_recipients()
    {
        var customers = await CreateCustomersAsync(4, "news");
        var (taggedSubscriber, untaggedSubscriber, taggedOnly, recipient) = (customers[0], customers[1], customers[2], customers[3]);
        var tag = await CreateTagAsync("Newsletter VIP", taggedSubscriber, taggedOnly);
        await SubscribeAsync(taggedSubscriber, untaggedSubscriber);

        // nopCommerce's campaign sending picks its subscribers with exactly this call (CampaignController.SendMassEmail).
        var campaign = new Campaign { Name = "VIP sale", Subject = "s", Body = "b", StoreId = StoreId, CustomerRoleId = tag.CustomerRoleId, CreatedOnUtc = DateTime.UtcNow };
        var picked = await GetService<INewsLetterSubscriptionService>().GetAllNewsLetterSubscriptionsAsync(storeId: campaign.StoreId,
            customerRoleId: campaign.CustomerRoleId, subscriptionTypeId: campaign.NewsLetterSubscriptionTypeId, isActive: true);
        picked.Select(s => s.Email).Should().BeEquivalentTo([taggedSubscriber.Email]);

        // The engine's recipients of that campaign are the same customers, counted before tagging.
        var audience = await _campaigns.AudienceAsync(campaign);
        (await _campaigns.CountAsync(audience)).Should().Be(1);
        var ids = await _data.ToListAsync(CampaignRecipients.CustomerIds(await _data.GetSourcesAsync(), audience));
        ids.Should().BeEquivalentTo([taggedSubscriber.Id]);

        // Tagging them queues the tag pipeline for that tag and that audience.
        var other = await CreateTagAsync("Got the VIP sale", recipient);
        await _campaigns.EnqueueAsync(other.Id, audience);
        var job = _jobs.Jobs.Last();
        job.Type.Should().Be(typeof(CampaignTaggingJob));
        job.Args.Take(5).Should().Equal(other.Id, audience.StoreId, audience.CustomerRoleId, audience.SubscriptionTypeId, audience.GuestsRoleId);
    }

    [Test]
    public async Task Sales_by_tag_count_each_tags_orders_customers_and_revenue()
    {
        var customers = await CreateCustomersAsync(3, "sales");
        var (both, goldOnly, untagged) = (customers[0], customers[1], customers[2]);
        var gold = await CreateTagAsync("Gold", both, goldOnly);
        var silver = await CreateTagAsync("Silver", both);

        var inPeriod = new DateTime(2021, 5, 10, 12, 0, 0, DateTimeKind.Utc);
        var orders = new List<Order>
        {
            await PlaceAsync(both, 120.50m, OrderStatus.Complete, inPeriod),
            await PlaceAsync(both, 79.50m, OrderStatus.Processing, inPeriod.AddDays(5)),
            await PlaceAsync(both, 500m, OrderStatus.Cancelled, inPeriod),
            await PlaceAsync(goldOnly, 40m, OrderStatus.Pending, inPeriod.AddDays(1)),
            await PlaceAsync(goldOnly, 999m, OrderStatus.Complete, inPeriod, deleted: true),
            await PlaceAsync(goldOnly, 60m, OrderStatus.Complete, new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc)),
            await PlaceAsync(untagged, 300m, OrderStatus.Complete, inPeriod)
        };

        int[] statuses = [(int)OrderStatus.Pending, (int)OrderStatus.Processing, (int)OrderStatus.Complete];
        var (filter, tags) = await _reports.FilterAsync([gold.Id, silver.Id], new DateTime(2021, 5, 1), new DateTime(2021, 5, 31), statuses, StoreId);
        var lines = await _reports.GetSalesAsync(filter);

        tags.Select(t => t.TagId).Should().BeEquivalentTo([gold.Id, silver.Id]);
        var counted = orders.Where(o => !o.Deleted && statuses.Contains(o.OrderStatusId) && o.CreatedOnUtc.Month == 5).ToList();
        TagSalesLine Expected(MemberTag tag, params Customer[] holders)
        {
            var mine = counted.Where(o => holders.Any(h => h.Id == o.CustomerId)).ToList();
            return new TagSalesLine(tag.CustomerRoleId, mine.Count, mine.Select(o => o.CustomerId).Distinct().Count(), mine.Sum(o => o.OrderTotal));
        }

        lines.Should().Equal(Expected(gold, both, goldOnly), Expected(silver, both));
        lines[0].Orders.Should().BeGreaterThan(lines[1].Orders, "the customer holding both tags counts under each");
        lines[0].AverageOrder.Should().Be(Math.Round(lines[0].Revenue / lines[0].Orders, 4));
    }

    [Test]
    public async Task A_customer_sees_the_visible_tags_they_hold_as_badges()
    {
        var customers = await CreateCustomersAsync(2, "badge");
        var rank = await CreateTagAsync("Gold rank", true, "#d4af37", customers[0]);
        await CreateTagAsync("Complained", false, "#ff0000", customers[0]);
        await CreateTagAsync("Silver rank", true, "not a colour", customers[1]);
        var badges = ActivatorUtilities.CreateInstance<CustomerTagBadgeService>(ServiceProvider, _data);
        var roles = GetService<ICustomerService>();

        (await badges.GetBadgesAsync(customers[0].Id)).Should().Equal(
            new Models.Tags.CustomerTagBadgeModel((await roles.GetCustomerRoleByIdAsync(rank.CustomerRoleId)).Name, "#d4af37"));
        (await badges.GetBadgesAsync(customers[1].Id)).Single().Color.Should().Be(CustomerTagBadgeService.DefaultColor,
            "a colour that is not #rrggbb never reaches the style attribute");
    }

    private async Task<Order> PlaceAsync(Customer customer, decimal total, OrderStatus status, DateTime createdOnUtc, bool deleted = false)
    {
        var addressId = await GetService<IRepository<Address>>().Table.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var order = new Order
        {
            OrderGuid = Guid.NewGuid(),
            CustomOrderNumber = string.Empty,
            StoreId = StoreId,
            CustomerId = customer.Id,
            BillingAddressId = addressId,
            OrderStatus = status,
            PaymentStatus = PaymentStatus.Paid,
            ShippingStatus = ShippingStatus.ShippingNotRequired,
            CustomerCurrencyCode = "USD",
            CurrencyRate = 1m,
            OrderTotal = total,
            Deleted = deleted,
            CreatedOnUtc = createdOnUtc
        };
        await GetService<IRepository<Order>>().InsertAsync(order, false);
        return order;
    }
}
