using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Events;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Customers;
using Nop.Services.Plugins;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// Member tags on nopCommerce's harness: the plugin counts as installed, so its consumers evaluate automatic tags when
/// nopCommerce publishes a registration or a customer update; writes straight into the role mapping are seen through
/// ICustomerService, whose role caches the tag observer clears.
/// </summary>
[TestFixture]
public class MemberTagAutomationTests : LoyaltyHarness
{
    private PluginDescriptor _descriptor;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 2);
        _descriptor = new PluginDescriptor
        {
            PluginType = typeof(LoyaltyPlugin),
            SystemName = LoyaltyDefaults.SystemName,
            FriendlyName = "Loyalty",
            Installed = true,
            ReferencedAssembly = typeof(LoyaltyPlugin).Assembly
        };
        Singleton<IPluginsInfo>.Instance.PluginDescriptors.Add((_descriptor, true));
    }

    [OneTimeTearDown]
    public void RemoveDescriptor()
    {
        var descriptors = Singleton<IPluginsInfo>.Instance.PluginDescriptors;
        var entry = descriptors.FirstOrDefault(d => d.pluginDescriptor == _descriptor);
        if (entry.pluginDescriptor != null)
            descriptors.Remove(entry);
    }

    private MemberTagPipeline Pipeline2() =>
        new(ActivatorUtilities.CreateInstance<NopTagStore>(ServiceProvider, Sources),
            ActivatorUtilities.CreateInstance<NopTagObserver>(ServiceProvider), TimeProvider.System, new TagPipelineOptions(TimeZoneInfo.Utc, 2));

    /// <summary>A tag with its own role, as the admin creates it; automatic when given a rule.</summary>
    private async Task<MemberTag> CreateTagAsync(string name, string ruleJson = null)
    {
        var role = new CustomerRole { Name = $"{name} {Guid.NewGuid().ToString("N")[..8]}", Active = true };
        await GetService<ICustomerService>().InsertCustomerRoleAsync(role);
        var tag = new MemberTag
        {
            CustomerRoleId = role.Id,
            KindId = (int)(ruleJson == null ? TagKind.Manual : TagKind.Automatic),
            RuleJson = ruleJson,
            CreatedOnUtc = DateTime.UtcNow
        };
        await GetService<IRepository<MemberTag>>().InsertAsync(tag, false);
        role.SystemName = LoyaltyDefaults.TagRoleSystemNamePrefix + tag.Id;
        await GetService<ICustomerService>().UpdateCustomerRoleAsync(role);
        return tag;
    }

    private static async Task<bool> HoldsAsync(Customer customer, MemberTag tag) =>
        (await GetService<ICustomerService>().GetCustomerRoleIdsAsync(customer, showHidden: true)).Contains(tag.CustomerRoleId);

    [Test]
    public async Task Registration_and_profile_updates_add_and_remove_an_automatic_tag()
    {
        // The rule names a fresh role so that only this test's customers can match it.
        var marker = new CustomerRole { Name = $"marker {Guid.NewGuid().ToString("N")[..8]}", Active = true };
        await GetService<ICustomerService>().InsertCustomerRoleAsync(marker);
        var tag = await CreateTagAsync("Women",
            "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[{\"type\":\"customerRole\",\"roleIds\":[" + marker.Id
            + "]},{\"type\":\"gender\",\"genders\":[\"F\"]}]}}");
        var customers = await CreateCustomersAsync(2, "tagreg");
        var customerService = GetService<ICustomerService>();
        foreach (var c in customers)
            await customerService.AddCustomerRoleMappingAsync(new CustomerCustomerRoleMapping { CustomerId = c.Id, CustomerRoleId = marker.Id });
        var woman = customers[0];
        var man = customers[1];
        woman.Gender = "F";
        man.Gender = "M";
        await GetService<IRepository<Customer>>().UpdateAsync(customers, false);
        Assert.That(await HoldsAsync(woman, tag), Is.False, "roles read (and cached) before registration");

        await GetService<IEventPublisher>().PublishAsync(new CustomerRegisteredEvent(woman));
        await GetService<IEventPublisher>().PublishAsync(new CustomerRegisteredEvent(man));

        Assert.That(await HoldsAsync(woman, tag), Is.True, "the rule matches at registration");
        Assert.That(await HoldsAsync(man, tag), Is.False);

        woman.Gender = "M";
        await customerService.UpdateCustomerAsync(woman);
        man.Gender = "F";
        await customerService.UpdateCustomerAsync(man);

        Assert.That(await HoldsAsync(woman, tag), Is.False, "she stopped matching on her profile update");
        Assert.That(await HoldsAsync(man, tag), Is.True, "he started matching on his");
    }

    [Test]
    public async Task Bulk_tagging_and_untagging_is_seen_through_the_customer_service_after_the_cache_clear()
    {
        var tag = await CreateTagAsync("Bulk");
        var customers = await CreateCustomersAsync(5, "tagbulk");
        foreach (var c in customers)
            Assert.That(await HoldsAsync(c, tag), Is.False, "roles read (and cached) before tagging");
        var picked = customers.Take(3).Select(c => c.Id).ToArray();
        var pipeline = Pipeline2();

        var added = await pipeline.ApplyAsync(tag.Id, sources => sources.RegisteredCustomers().Where(c => picked.Contains(c.Id)).Select(c => c.Id), TagAction.Add);

        Assert.That(added, Is.EqualTo(new TagChange(3, 0)));
        foreach (var c in customers)
            Assert.That(await HoldsAsync(c, tag), Is.EqualTo(picked.Contains(c.Id)), $"customer {c.Id} after tagging");

        var removed = await pipeline.UnassignAsync(customers.Take(2).Select(c => new TagAssignment(tag.Id, c.Id)).ToList());

        Assert.That(removed, Is.EqualTo(new TagChange(0, 2)));
        foreach (var c in customers)
            Assert.That(await HoldsAsync(c, tag), Is.EqualTo(c.Id == picked[2]), $"customer {c.Id} after untagging");
    }

    [Test]
    public async Task Recompute_records_when_and_a_has_tag_segment_reads_the_members()
    {
        var marker = await CreateTagAsync("Marker");
        var customers = await CreateCustomersAsync(3, "tagseg");
        await Pipeline2().AssignAsync(customers.Take(2).Select(c => new TagAssignment(marker.Id, c.Id)).ToList());
        var follower = await CreateTagAsync("Follower", "{\"version\":1,\"root\":{\"type\":\"tag\",\"tagIds\":[" + marker.Id + "]}}");

        var change = await Pipeline2().RecomputeAsync(follower.Id);

        Assert.That(change, Is.EqualTo(new TagChange(2, 0)));
        foreach (var c in customers)
            Assert.That(await HoldsAsync(c, follower), Is.EqualTo(c != customers[2]));
        var stored = await GetService<IRepository<MemberTag>>().GetByIdAsync(follower.Id, cache => default);
        Assert.That(stored.LastRecomputedOnUtc, Is.Not.Null.And.GreaterThan(DateTime.UtcNow.AddMinutes(-5)));
    }
}
