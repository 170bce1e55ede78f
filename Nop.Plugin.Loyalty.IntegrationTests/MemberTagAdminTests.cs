using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Security;
using Nop.Core.Infrastructure;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Tags;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Discounts;
using Nop.Services.Plugins;
using Nop.Services.Security;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// A discount requirement "must be assigned to customer role", as nopCommerce's DiscountRules.CustomerRoles plugin
/// states it (the role id kept in the setting DiscountRequirement.MustBeAssignedToCustomerRole-{requirement id}): that
/// plugin is not built in the local nopCommerce tree, so this stand-in asks nopCommerce's customer service the same question.
/// </summary>
public class RoleRequirementStandIn : BasePlugin, IDiscountRequirementRule
{
    public const string SystemName = "DiscountRequirement.MustBeAssignedToCustomerRole";

    private readonly ICustomerService _customerService;
    private readonly ISettingService _settingService;

    public RoleRequirementStandIn(ICustomerService customerService, ISettingService settingService)
    {
        _customerService = customerService;
        _settingService = settingService;
    }

    public static string SettingKey(int requirementId) => $"DiscountRequirement.MustBeAssignedToCustomerRole-{requirementId}";

    public async Task<DiscountRequirementValidationResult> CheckRequirementAsync(DiscountRequirementValidationRequest request)
    {
        var roleId = await _settingService.GetSettingByKeyAsync<int>(SettingKey(request.DiscountRequirementId));
        var roles = await _customerService.GetCustomerRolesAsync(request.Customer);
        return new DiscountRequirementValidationResult { IsValid = roleId != 0 && roles.Any(r => r.Id == roleId) };
    }

    public string GetConfigurationUrl(int discountId, int? discountRequirementId) => null;
}

/// <summary>
/// Tags on nopCommerce's harness: each tag's customer role, kept in step both ways (the plugin counts as installed so its
/// role event consumer runs), and what nopCommerce's role features make of a tag: a role-restricted coupon and ACL.
/// Membership is given through nopCommerce's own role mapping here: the tag pipeline's bodies are built elsewhere.
/// </summary>
[TestFixture]
public class MemberTagAdminTests : LoyaltyHarness
{
    private readonly List<PluginDescriptor> _descriptors = new();
    private MemberTagService _tags;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync();
        _tags = ActivatorUtilities.CreateInstance<MemberTagService>(ServiceProvider, Sources, (ISegmentService)Segments, TimeProvider.System);
        foreach (var (type, systemName) in new[] { (typeof(LoyaltyPlugin), LoyaltyDefaults.SystemName), (typeof(RoleRequirementStandIn), RoleRequirementStandIn.SystemName) })
        {
            var descriptor = new PluginDescriptor
            {
                PluginType = type,
                SystemName = systemName,
                FriendlyName = systemName,
                Installed = true,
                ReferencedAssembly = type.Assembly
            };
            _descriptors.Add(descriptor);
            Singleton<IPluginsInfo>.Instance.PluginDescriptors.Add((descriptor, true));
        }
    }

    [OneTimeTearDown]
    public void RemoveDescriptors()
    {
        var descriptors = Singleton<IPluginsInfo>.Instance.PluginDescriptors;
        foreach (var entry in descriptors.Where(d => _descriptors.Contains(d.pluginDescriptor)).ToList())
            descriptors.Remove(entry);
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<MemberTag> CreateTagAsync(string name, string color = "#3c8dbc")
    {
        var tag = new MemberTag { Color = color, KindId = (int)TagKind.Manual };
        await _tags.InsertTagAsync(tag, name, 1);
        return tag;
    }

    private static Task<CustomerRole> RoleAsync(int roleId) => GetService<ICustomerService>().GetCustomerRoleByIdAsync(roleId);

    private static Task GiveRoleAsync(Customer customer, int roleId) =>
        GetService<ICustomerService>().AddCustomerRoleMappingAsync(new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = roleId });

    [Test]
    public async Task Creating_a_tag_creates_its_own_active_non_system_role_without_permissions()
    {
        var name = Unique("VIP");
        var tag = await CreateTagAsync(name);

        var role = await RoleAsync(tag.CustomerRoleId);
        Assert.That(role, Is.Not.Null);
        var permissions = await GetService<IRepository<PermissionRecordCustomerRoleMapping>>().Table
            .CountAsync(m => m.CustomerRoleId == role.Id);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(role.SystemName, Is.EqualTo($"Loyalty.Tag.{tag.Id}"));
            Assert.That(role.Name, Is.EqualTo(name));
            Assert.That(role.Active, Is.True);
            Assert.That(role.IsSystemRole, Is.False);
            Assert.That(permissions, Is.Zero);
            Assert.That((await _tags.GetTagByIdAsync(tag.Id)).Name, Is.EqualTo(name));
            Assert.That(await GetService<ICustomerService>().GetCustomerRoleBySystemNameAsync($"Loyalty.Tag.{tag.Id}"), Is.Not.Null);
        });
    }

    [Test]
    public async Task A_tag_name_must_be_free_among_customer_roles()
    {
        var taken = Unique("Taken");
        await CreateTagAsync(taken);

        var clash = Assert.ThrowsAsync<LoyaltyRuleException>(() => CreateTagAsync(taken.ToUpperInvariant()));
        var registered = Assert.ThrowsAsync<LoyaltyRuleException>(() => CreateTagAsync("Registered"));
        var color = Assert.ThrowsAsync<LoyaltyRuleException>(() => CreateTagAsync(Unique("Colour"), "blue"));
        Assert.Multiple(() =>
        {
            Assert.That(clash!.ResourceKey, Is.EqualTo(TagResourceKeys.NameTaken));
            Assert.That(registered!.ResourceKey, Is.EqualTo(TagResourceKeys.NameTaken));
            Assert.That(color!.ResourceKey, Is.EqualTo(TagResourceKeys.ColorInvalid));
        });
    }

    [Test]
    public async Task An_automatic_tag_needs_a_rule_the_engine_accepts()
    {
        var noRule = new MemberTag { Color = "#000000", KindId = (int)TagKind.Automatic };
        var badRule = new MemberTag { Color = "#000000", KindId = (int)TagKind.Automatic, RuleJson = "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[]}}" };
        var errors = await _tags.ValidateTagAsync(badRule, Unique("Gold"));
        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<LoyaltyRuleException>(() => _tags.InsertTagAsync(noRule, Unique("Gold"), 1))!.ResourceKey,
                Is.EqualTo(TagResourceKeys.RuleRequired));
            Assert.That(errors.Select(e => e.ResourceKey), Does.Contain(ResourceKeys.SegmentGroupEmpty));
        });
    }

    [Test]
    public async Task Renaming_a_tag_renames_its_role_and_renaming_the_role_renames_the_tag()
    {
        var tag = await CreateTagAsync(Unique("Silver"));
        var renamed = Unique("Silver rank");
        await _tags.UpdateTagAsync(tag, renamed);
        Assert.That((await RoleAsync(tag.CustomerRoleId)).Name, Is.EqualTo(renamed));

        // nopCommerce's customer roles page: a new name, and a system name changed by hand
        var role = await RoleAsync(tag.CustomerRoleId);
        var byHand = Unique("Silver members");
        role.Name = byHand;
        role.SystemName = "Something.Else";
        await GetService<ICustomerService>().UpdateCustomerRoleAsync(role);

        var stored = await GetService<IRepository<CustomerRole>>().Table.FirstAsync(r => r.Id == tag.CustomerRoleId);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await _tags.GetTagByIdAsync(tag.Id)).Name, Is.EqualTo(byHand));
            Assert.That(stored.SystemName, Is.EqualTo($"Loyalty.Tag.{tag.Id}"), "the tag's system name is put back");
        });
    }

    [Test]
    public async Task Deleting_a_tag_deletes_its_role_and_the_role_mappings()
    {
        var tag = await CreateTagAsync(Unique("Temporary"));
        var customer = (await CreateCustomersAsync(1, "tagdel"))[0];
        await GiveRoleAsync(customer, tag.CustomerRoleId);
        Assert.That(await GetService<ICustomerService>().IsInCustomerRoleAsync(customer, $"Loyalty.Tag.{tag.Id}"), Is.True);

        await _tags.DeleteTagAsync(tag);

        var mappings = await GetService<IRepository<CustomerCustomerRoleMapping>>().Table.CountAsync(m => m.CustomerRoleId == tag.CustomerRoleId);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await GetService<IRepository<CustomerRole>>().Table.AnyAsync(r => r.Id == tag.CustomerRoleId), Is.False);
            Assert.That(mappings, Is.Zero);
            Assert.That(await _tags.GetTagByIdAsync(tag.Id), Is.Null);
            Assert.That((await GetService<ICustomerService>().GetCustomerRolesAsync(customer)).Select(r => r.Id), Does.Not.Contain(tag.CustomerRoleId));
        });
    }

    [Test]
    public async Task Deleting_the_role_in_nopCommerce_deletes_the_tag()
    {
        var tag = await CreateTagAsync(Unique("Doomed"));
        var other = await CreateTagAsync(Unique("Kept"));

        await GetService<ICustomerService>().DeleteCustomerRoleAsync(await RoleAsync(tag.CustomerRoleId));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await GetService<IRepository<MemberTag>>().Table.AnyAsync(t => t.Id == tag.Id), Is.False);
            Assert.That(await _tags.GetTagByIdAsync(other.Id), Is.Not.Null);
        });
    }

    [Test]
    public async Task Member_counts_come_per_tag_and_leave_deleted_customers_out()
    {
        var a = await CreateTagAsync(Unique("CountA"));
        var b = await CreateTagAsync(Unique("CountB"));
        var customers = await CreateCustomersAsync(3, "tagcount");
        foreach (var customer in customers)
            await GiveRoleAsync(customer, a.CustomerRoleId);
        await GiveRoleAsync(customers[0], b.CustomerRoleId);
        customers[2].Deleted = true;
        await GetService<IRepository<Customer>>().UpdateAsync(customers[2], false);

        var counts = await _tags.CountMembersAsync();
        var page = await _tags.SearchMembersAsync(a, customers[1].Email, 0, 10);
        Assert.Multiple(() =>
        {
            Assert.That(counts.GetValueOrDefault(a.Id), Is.EqualTo(2));
            Assert.That(counts.GetValueOrDefault(b.Id), Is.EqualTo(1));
            Assert.That(page.Select(m => m.CustomerId), Is.EqualTo(new[] { customers[1].Id }));
        });
    }

    [Test]
    public async Task A_coupon_restricted_to_the_tags_role_is_refused_untagged_and_accepted_tagged()
    {
        var tag = await CreateTagAsync(Unique("Coupon"));
        var (tagged, untagged) = (await CreateCustomersAsync(2, "tagcoupon")) switch { var c => (c[0], c[1]) };
        await GiveRoleAsync(tagged, tag.CustomerRoleId);

        var discounts = GetService<IDiscountService>();
        var code = "TAG" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var discount = new Discount
        {
            Name = "Tag coupon",
            DiscountType = DiscountType.AssignedToOrderTotal,
            UsePercentage = true,
            DiscountPercentage = 10,
            RequiresCouponCode = true,
            CouponCode = code,
            IsActive = true,
            DiscountLimitation = DiscountLimitationType.Unlimited
        };
        await discounts.InsertDiscountAsync(discount);
        // as nopCommerce's discount page stores a requirement: under a top-level "and" group
        var group = new DiscountRequirement { DiscountId = discount.Id, IsGroup = true, InteractionType = RequirementGroupInteractionType.And };
        await discounts.InsertDiscountRequirementAsync(group);
        var requirement = new DiscountRequirement
        {
            DiscountId = discount.Id, ParentId = group.Id, DiscountRequirementRuleSystemName = RoleRequirementStandIn.SystemName
        };
        await discounts.InsertDiscountRequirementAsync(requirement);
        await GetService<ISettingService>().SetSettingAsync(RoleRequirementStandIn.SettingKey(requirement.Id), tag.CustomerRoleId);

        var forUntagged = await discounts.ValidateDiscountAsync(discount, untagged, [code]);
        var forTagged = await discounts.ValidateDiscountAsync(discount, tagged, [code]);
        Assert.Multiple(() =>
        {
            Assert.That(forUntagged.IsValid, Is.False, "untagged");
            Assert.That(forTagged.IsValid, Is.True, "tagged");
        });
    }

    [Test]
    public async Task A_product_limited_to_the_tags_role_is_hidden_from_untagged_customers()
    {
        var tag = await CreateTagAsync(Unique("Acl"));
        var (tagged, untagged) = (await CreateCustomersAsync(2, "tagacl")) switch { var c => (c[0], c[1]) };
        await GiveRoleAsync(tagged, tag.CustomerRoleId);

        // nopCommerce installs with ACL rules ignored; a store that restricts content turns them on
        var settingService = GetService<ISettingService>();
        var catalogSettings = await settingService.LoadSettingAsync<CatalogSettings>();
        var ignoreAcl = catalogSettings.IgnoreAcl;
        catalogSettings.IgnoreAcl = false;
        await settingService.SaveSettingAsync(catalogSettings);

        var product = (await GetService<IRepository<Product>>().Table.FirstAsync(p => !p.Deleted));
        product.SubjectToAcl = true;
        await GetService<IProductService>().UpdateProductAsync(product);
        var acl = GetService<IAclService>();
        await acl.InsertAclRecordAsync(product, tag.CustomerRoleId);
        try
        {
            var untaggedSees = await acl.AuthorizeAsync(product, untagged);
            var taggedSees = await acl.AuthorizeAsync(product, tagged);
            Assert.Multiple(() =>
            {
                Assert.That(untaggedSees, Is.False, "untagged");
                Assert.That(taggedSees, Is.True, "tagged");
            });
        }
        finally
        {
            product.SubjectToAcl = false;
            await GetService<IProductService>().UpdateProductAsync(product);
            catalogSettings.IgnoreAcl = ignoreAcl;
            await settingService.SaveSettingAsync(catalogSettings);
        }
    }
}
