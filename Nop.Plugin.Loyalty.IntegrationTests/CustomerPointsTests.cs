using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Helpers;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>The customer's points page and the plugin's date texts, on nopCommerce's harness.</summary>
[TestFixture]
public class CustomerPointsTests : LoyaltyHarness
{
    private LoyaltyCustomerModelFactory _factory;
    private TimeZoneInfo _storeZone;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 1000);
        await EnsureTagTablesAsync();
        _factory = ActivatorUtilities.CreateInstance<LoyaltyCustomerModelFactory>(ServiceProvider, Statements, Settings,
            ActivatorUtilities.CreateInstance<LoyaltyDates>(ServiceProvider),
            ActivatorUtilities.CreateInstance<Services.Tags.CustomerTagBadgeService>(ServiceProvider,
                ActivatorUtilities.CreateInstance<Services.Points.NopLoyaltyData>(ServiceProvider, Sources)));
        _storeZone = GetService<IDateTimeHelper>().DefaultStoreTimeZone;
    }

    [Test]
    public async Task ExpiredPointsAreToldInTheHistoryWithTheirDay()
    {
        var customer = (await CreateCustomersAsync(1, "history"))[0];
        var grant = await GrantAsync("Winter campaign", 30, [customer], DateTime.UtcNow.AddDays(10));
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, _storeZone)).AddDays(-1);
        await ExpireLotOnAsync(await LotOfAsync(grant, customer), new ExpiryDay(yesterday, null).ToUtc(_storeZone));
        (await Pipeline.ExpireDueAsync()).Should().BeGreaterThanOrEqualTo(1);

        var model = await _factory.PrepareCustomerPageModelAsync(customer, StoreId, null);

        model.Balance.Should().Be(0);
        model.ExpiryDates.Should().BeEmpty();
        model.History.Select(e => (e.Kind, e.Points, e.Description)).Should().Equal(
            (PointsEventKind.Expired, -30, "Winter campaign"),
            (PointsEventKind.Granted, 30, "Winter campaign"));
        model.History[0].Date.Should().Be(yesterday.ToString("D", CultureInfo.CurrentCulture),
            "an expiry at the end of a day reads as that day, whenever the task ran");
        model.History.Should().OnlyContain(e => !string.IsNullOrEmpty(e.KindText));
        model.HistoryPager.TotalRecords.Should().Be(2);
    }

    [Test]
    public async Task PointsExpiringAtTheEndOfADayAreListedUnderThatDayWithoutATime()
    {
        var customer = (await CreateCustomersAsync(1, "expiring"))[0];
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, _storeZone)).AddDays(20);
        await GrantAsync("Spring campaign", 40, [customer], new ExpiryDay(day, null).ToUtc(_storeZone));
        var flashEnd = new ExpiryDay(day, new TimeOnly(18, 30)).ToUtc(_storeZone);
        await GrantAsync("Flash sale", 10, [customer], flashEnd);

        var model = await _factory.PrepareCustomerPageModelAsync(customer, StoreId, null);

        model.ExpiryDates.Should().ContainSingle();
        model.ExpiryDates[0].Day.Should().Be(day.ToString("D", CultureInfo.CurrentCulture));
        model.ExpiryDates[0].Points.Should().Be(50);
        model.ExpiryDates[0].Items.Select(i => (i.Points, i.Time)).Should().Equal(
            (10, $"{new TimeOnly(18, 30).ToString("t", CultureInfo.CurrentCulture)} ({LoyaltyDates.Offset(flashEnd, _storeZone)})"),
            (40, ""));
        model.History.Should().HaveCount(2).And.OnlyContain(e => e.Kind == PointsEventKind.Granted && e.Note.Length > 0);
    }

    [TestCase("en-US")]
    [TestCase("ja-JP")]
    public void AnExpiryReadsAsItsDayAndAsDayTimeAndOffsetWhenATimeIsSet(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var day = new DateOnly(2027, 1, 7);

        var endOfDay = new ExpiryDay(day, null).ToUtc(tokyo);
        LoyaltyDates.Expiry(endOfDay, tokyo, culture, DateAudience.Customer).Should().Be(day.ToString("D", culture));
        LoyaltyDates.Expiry(endOfDay, tokyo, culture, DateAudience.Admin).Should().Be(day.ToString("d", culture));

        var timed = new ExpiryDay(day, new TimeOnly(21, 19)).ToUtc(tokyo);
        LoyaltyDates.Expiry(timed, tokyo, culture, DateAudience.Admin)
            .Should().Be($"{day.ToString("d", culture)} {new TimeOnly(21, 19).ToString("t", culture)} (UTC+09:00)");

        // The same instant read in New York: 07:19 that morning, another offset.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        LoyaltyDates.Expiry(timed, newYork, culture, DateAudience.Admin)
            .Should().Be($"{day.ToString("d", culture)} {new TimeOnly(7, 19).ToString("t", culture)} (UTC-05:00)");
    }

    [TestCase("Asia/Tokyo", "(UTC+09:00) Asia/Tokyo")]
    [TestCase("Pacific/Niue", "(UTC-11:00) Pacific/Niue")]
    [TestCase("America/New_York", "(UTC-05:00) America/New_York")]
    public void AZoneIsNamedByItsStandardOffsetAndIdWhateverLanguageCameFirst(string zoneId, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // .NET names a zone in the UI language of its first lookup; the name must not depend on it.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            LoyaltyDates.ZoneName(TimeZoneInfo.FindSystemTimeZoneById(zoneId)).Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
