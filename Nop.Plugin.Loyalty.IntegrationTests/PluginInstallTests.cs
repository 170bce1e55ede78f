using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Core.Domain.Discounts;
using Nop.Services.Configuration;
using Nop.Services.Security;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.ScheduleTasks;
using Nop.Core.Domain.Messages;
using Nop.Data;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

[TestFixture]
public class PluginInstallTests : LoyaltyHarness
{
    [Test]
    public async Task InstallAddsSettingsResourcesTemplateAndTasksAndUninstallRemovesThem()
    {
        ApplyMigration();
        var plugin = ActivatorUtilities.CreateInstance<LoyaltyPlugin>(ServiceProvider);
        var settings = GetService<ISettingService>();
        var localization = GetService<ILocalizationService>();
        var templates = GetService<IMessageTemplateService>();
        var tasks = GetService<IScheduleTaskService>();
        var language = (await GetService<ILanguageService>().GetAllLanguagesAsync(true)).First();

        await plugin.InstallAsync();

        (await settings.SettingExistsAsync(new LoyaltySettings(), s => s.PurgeAfterDays)).Should().BeTrue();
        (await localization.GetLocaleStringResourceByNameAsync(LoyaltyDefaults.RevokedMessageResource, language.Id, false))
            .Should().NotBeNull("Localization/*.xml is imported for {0}", language.LanguageCulture);
        (await templates.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Should().ContainSingle();
        foreach (var (_, type, seconds) in LoyaltyPlugin.Tasks)
            (await tasks.GetTaskByTypeAsync(type)).Seconds.Should().Be(seconds);
        plugin.GetConfigurationPageUrl().Should().Be("/Admin/Loyalty/Configure");
        // Coupons (1.5.0): their email, the QR key; the permissions come from nopCommerce's startup.
        (await templates.GetMessageTemplatesByNameAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName)).Should().ContainSingle();
        (await settings.LoadSettingAsync<LoyaltySettings>()).CouponQrKey.Should().NotBeNullOrEmpty();
        var permissions = GetService<IPermissionService>();
        await permissions.InsertPermissionsAsync();
        (await permissions.GetAllPermissionRecordsAsync()).Select(p => p.SystemName)
            .Should().Contain([LoyaltyDefaults.ManageLoyaltyPermission, LoyaltyDefaults.RedeemCouponsPermission]);

        // With the template installed, each granted customer gets one queued email with the plugin's tokens.
        await CreateServicesAsync(chunkSize: 1000);
        var queued = GetService<IRepository<QueuedEmail>>();
        var customers = await CreateCustomersAsync(2, "notify");
        var storeZone = GetService<IDateTimeHelper>().DefaultStoreTimeZone;
        var expiryDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, storeZone)).AddDays(7);
        await GrantAsync("Notified campaign", 15, customers, new ExpiryDay(expiryDay, null).ToUtc(storeZone));
        var emails = await queued.Table.Where(e => e.Subject.Contains("Notified campaign")).ToListAsync();
        emails.Select(e => e.To).Should().BeEquivalentTo(customers.Select(c => c.Email));
        emails.Should().OnlyContain(e => e.Subject.Contains("15") && !e.Body.Contains("%Loyalty."));
        // The expiry day in the customer's language and time zone (the store's here), not the next midnight nor a time.
        var english = CultureInfo.GetCultureInfo(language.LanguageCulture);
        emails.Should().OnlyContain(e => e.Body.Contains($"until {expiryDay.ToString("D", english)};"));

        // Only active newsletter subscribers, when the setting says so.
        Settings.NotifyOnlyNewsletterSubscribers = true;
        var more = await CreateCustomersAsync(2, "subscriber");
        await GetService<IRepository<NewsLetterSubscription>>().InsertAsync(new NewsLetterSubscription
        {
            Email = more[0].Email,
            Active = true,
            StoreId = StoreId,
            NewsLetterSubscriptionGuid = Guid.NewGuid(),
            TypeId = (await GetService<IRepository<NewsLetterSubscriptionType>>().Table.FirstAsync()).Id,
            LanguageId = language.Id,
            CreatedOnUtc = DateTime.UtcNow
        }, false);
        await GrantAsync("Subscribers campaign", 5, more, DateTime.UtcNow.AddDays(7));
        (await queued.Table.Where(e => e.Subject.Contains("Subscribers campaign")).Select(e => e.To).ToListAsync())
            .Should().BeEquivalentTo([more[0].Email]);

        // A discount restricted to coupon holders: its requirement names the plugin and goes with it.
        var discount = new Discount { Name = "Holders only", DiscountTypeId = (int)DiscountType.AssignedToOrderTotal, DiscountPercentage = 10, UsePercentage = true };
        await GetService<IRepository<Discount>>().InsertAsync(discount, false);
        var requirements = GetService<IRepository<DiscountRequirement>>();
        await requirements.InsertAsync(new DiscountRequirement { DiscountId = discount.Id, DiscountRequirementRuleSystemName = LoyaltyDefaults.SystemName }, false);

        await plugin.UninstallAsync();

        (await templates.GetMessageTemplatesByNameAsync(LoyaltyDefaults.CouponIssuedMessageTemplateName)).Should().BeEmpty();
        (await permissions.GetAllPermissionRecordsAsync()).Select(p => p.SystemName)
            .Should().NotContain([LoyaltyDefaults.ManageLoyaltyPermission, LoyaltyDefaults.RedeemCouponsPermission]);
        requirements.Table.Count(r => r.DiscountRequirementRuleSystemName == LoyaltyDefaults.SystemName).Should().Be(0);

        (await settings.SettingExistsAsync(new LoyaltySettings(), s => s.PurgeAfterDays)).Should().BeFalse();
        (await localization.GetLocaleStringResourceByNameAsync(LoyaltyDefaults.RevokedMessageResource, language.Id, false)).Should().BeNull();
        (await templates.GetMessageTemplatesByNameAsync(LoyaltyDefaults.GrantedMessageTemplateName)).Should().BeEmpty();
        foreach (var (_, type, _) in LoyaltyPlugin.Tasks)
            (await tasks.GetTaskByTypeAsync(type)).Should().BeNull();
    }
}
