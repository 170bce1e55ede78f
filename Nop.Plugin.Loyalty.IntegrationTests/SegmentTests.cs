using Nop.Plugin.Loyalty.Engine.Store;
using System.Text;
using FluentAssertions;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine;
using Nop.Plugin.Loyalty.Engine.Segments;
using Nop.Plugin.Loyalty.Engine.Targeting;
using Nop.Plugin.Loyalty.Services;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

[TestFixture]
public class SegmentTests : LoyaltyHarness
{
    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 2);
    }

    /// <summary>A fresh role, so the segment's customers are exactly the ones this test sets up.</summary>
    private async Task<CustomerRole> CreateRoleAsync(string name)
    {
        var role = new CustomerRole { Name = $"{name} {Guid.NewGuid().ToString("N")[..8]}", Active = true, SystemName = null };
        await GetService<Nop.Services.Customers.ICustomerService>().InsertCustomerRoleAsync(role);
        return role;
    }

    private static string RoleAndGenderJson(int roleId, string gender) =>
        "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":["
        + "{\"type\":\"customerRole\",\"roleIds\":[" + roleId + "]},"
        + "{\"type\":\"gender\",\"genders\":[\"" + gender + "\"]}]}}";

    /// <summary>
    /// Six customers; four in the role; three women, two of them in the role; one of those subscribes to the newsletter.
    /// Returns the customers and the role.
    /// </summary>
    private async Task<(IList<Customer> Customers, CustomerRole Role)> SetUpCustomersAsync(string prefix)
    {
        var customers = await CreateCustomersAsync(6, prefix);
        var role = await CreateRoleAsync(prefix);
        await GetService<IRepository<CustomerCustomerRoleMapping>>().InsertAsync(customers.Take(4)
            .Select(c => new CustomerCustomerRoleMapping { CustomerId = c.Id, CustomerRoleId = role.Id }).ToList(), false);

        var customerRepository = GetService<IRepository<Customer>>();
        foreach (var index in new[] { 1, 2, 4 })
        {
            customers[index].Gender = "F";
            await customerRepository.UpdateAsync(customers[index], false);
        }

        var typeId = (await GetService<IRepository<NewsLetterSubscriptionType>>().Table.FirstAsync()).Id;
        var languageId = (await GetService<IRepository<Nop.Core.Domain.Localization.Language>>().Table.FirstAsync()).Id;
        await GetService<IRepository<NewsLetterSubscription>>().InsertAsync(new NewsLetterSubscription
        {
            TypeId = typeId,
            LanguageId = languageId,
            NewsLetterSubscriptionGuid = Guid.NewGuid(),
            Email = customers[1].Email,
            Active = true,
            StoreId = StoreId,
            CreatedOnUtc = DateTime.UtcNow
        }, false);

        return (customers, role);
    }

    /// <summary>The segment's customers as a plain query over the harness data: in the role, female, registered, active.</summary>
    private async Task<List<int>> ExpectedAsync(int roleId, string gender)
    {
        var mappings = GetService<IRepository<CustomerCustomerRoleMapping>>().Table;
        return await (
                from c in GetService<IRepository<Customer>>().Table
                where c.Active && !c.Deleted && !c.IsSystemAccount && c.Gender == gender
                      && mappings.Any(m => m.CustomerId == c.Id && m.CustomerRoleId == roleId)
                      && mappings.Any(m => m.CustomerId == c.Id && m.CustomerRoleId == RegisteredRoleId)
                orderby c.Id
                select c.Id)
            .ToListAsync();
    }

    [Test]
    public async Task SegmentMatchesExactlyItsCustomersAndAGrantReachesExactlyThem()
    {
        var (customers, role) = await SetUpCustomersAsync("seg");
        var segment = new Segment { Name = "Women in the role", DefinitionJson = RoleAndGenderJson(role.Id, "F") };
        await Segments.InsertSegmentAsync(segment, 0);
        segment.Id.Should().BePositive();

        var (definition, errors) = await Segments.ReadAsync((await Segments.GetSegmentByIdAsync(segment.Id)).DefinitionJson);
        errors.Should().BeEmpty();
        var expected = await ExpectedAsync(role.Id, "F");
        expected.Should().Equal(customers[1].Id, customers[2].Id);

        (await Segments.ValidateAsync(definition)).Should().BeEmpty();
        (await Segments.PreviewCountAsync(definition)).Should().Be(expected.Count);
        (await Segments.SampleAsync(definition)).Select(c => c.Id).Should().Equal(expected);
        (await Segments.DescribeAsync(definition)).Should().Contain(role.Name);

        using (var stream = new MemoryStream())
        {
            await Segments.WriteCsvAsync(definition, stream, ["ID", "Mail", "Vorname", "Nachname"]);
            var bytes = stream.ToArray();
            bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
            var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines[0].Should().Be("ID,Mail,Vorname,Nachname", "the header is the caller's (the admin's language)");
            lines.Skip(1).Select(l => int.Parse(l.Split(',')[0])).Should().Equal(expected);
        }

        // Newsletter subscribers among them: a nested Any group with Not leaves only customer 2.
        var narrowed = SegmentJson.Parse("{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":["
                                         + "{\"type\":\"customerRole\",\"roleIds\":[" + role.Id + "]},"
                                         + "{\"type\":\"gender\",\"genders\":[\"F\"]},"
                                         + "{\"type\":\"newsletter\",\"not\":true}]}}");
        (await Segments.SampleAsync(narrowed)).Select(c => c.Id).Should().Equal(customers[2].Id);

        // A grant to the saved segment reaches exactly its customers and keeps the segment it was confirmed with.
        var draft = new GrantDraft
        {
            Name = "Segment campaign",
            Points = 40,
            ExpiresOnUtc = DateTime.UtcNow.AddDays(30),
            StoreId = StoreId,
            TargetKind = GrantTargetKind.Segment,
            SegmentId = segment.Id
        };
        var preview = await Wizard.PreviewAsync(draft);
        preview.Errors.Should().BeEmpty();
        preview.RecipientCount.Should().Be(expected.Count);
        preview.TargetDescription.Should().Contain(segment.Name);

        var grant = await Wizard.CreateGrantAsync(draft, 0);
        var stored = GrantTargetJson.Deserialize(grant.TargetJson);
        stored.Should().BeOfType<SegmentTarget>().Which.SegmentId.Should().Be(segment.Id);
        (await Describer.DescribeGrantsAsync([grant]))[grant.Id].Should().Contain(segment.Name);

        // While the grant is queued, its segment cannot be deleted.
        var refused = async () => await Segments.DeleteSegmentAsync(segment);
        (await refused.Should().ThrowAsync<LoyaltyRuleException>()).Which.ResourceKey.Should().Be(LoyaltyDefaults.SegmentInUseResource);

        await Grants.RunAsync(grant.Id);
        grant = await Grants.GetGrantByIdAsync(grant.Id);
        grant.Status.Should().Be(GrantStatus.Completed);
        var recipients = await Grants.GetRecipientsAsync(grant.Id);
        recipients.Select(r => r.CustomerId).OrderBy(id => id).Should().Equal(expected);

        // Editing the segment afterwards changes nothing in the grant's history.
        segment.DefinitionJson = RoleAndGenderJson(role.Id, "M");
        await Segments.UpdateSegmentAsync(segment, 0);
        var again = (SegmentTarget)GrantTargetJson.Deserialize((await Grants.GetGrantByIdAsync(grant.Id)).TargetJson);
        SegmentJson.Serialize(again.Definition).Should().Be(RoleAndGenderJson(role.Id, "F"));

        // Finished grants no longer hold the segment.
        var copy = await Segments.DuplicateSegmentAsync(segment, 0, "Women in the role (コピー)");
        copy.Name.Should().Be("Women in the role (コピー)");
        copy.DefinitionJson.Should().Be(segment.DefinitionJson);
        await Segments.DeleteSegmentAsync(segment);
        (await Segments.GetSegmentByIdAsync(segment.Id)).Should().BeNull();
        await Segments.DeleteSegmentAsync(copy);
    }

    [Test]
    public async Task AGrantToConditionsBuiltInTheWizardReachesExactlyTheirCustomersAndKeepsThem()
    {
        var (customers, role) = await SetUpCustomersAsync("inline");
        var expected = await ExpectedAsync(role.Id, "F");
        expected.Should().Equal(customers[1].Id, customers[2].Id);

        var draft = new GrantDraft
        {
            Name = "Inline campaign",
            Points = 25,
            ExpiresOnUtc = DateTime.UtcNow.AddDays(30),
            StoreId = StoreId,
            TargetKind = GrantTargetKind.InlineSegment,
            SegmentDefinitionJson = RoleAndGenderJson(role.Id, "F")
        };
        var preview = await Wizard.PreviewAsync(draft);
        preview.Errors.Should().BeEmpty();
        preview.RecipientCount.Should().Be(expected.Count);
        preview.TargetDescription.Should().Contain(role.Name);

        var grant = await Wizard.CreateGrantAsync(draft, 0);
        var stored = GrantTargetJson.Deserialize(grant.TargetJson).Should().BeOfType<SegmentTarget>().Subject;
        stored.SegmentId.Should().BeNull();
        SegmentJson.Serialize(stored.Definition).Should().Be(RoleAndGenderJson(role.Id, "F"));

        await Grants.RunAsync(grant.Id);
        (await Grants.GetRecipientsAsync(grant.Id)).Select(r => r.CustomerId).OrderBy(id => id).Should().Equal(expected);

        // Conditions that do not read or do not validate give the segment builder's errors, and no grant.
        draft.SegmentDefinitionJson = "{\"version\":1,\"root\":{\"type\":\"customerRole\",\"roleIds\":[987654]}}";
        (await Wizard.PreviewAsync(draft)).Errors.Select(e => e.ResourceKey).Should().Equal(ResourceKeys.SegmentUnknownRole);
        draft.SegmentDefinitionJson = "{\"version\":1,\"root\":";
        (await Wizard.PreviewAsync(draft)).Errors.Select(e => e.ResourceKey).Should().Equal(ResourceKeys.SegmentMalformed);
    }

    [Test]
    public async Task InvalidDefinitionsAreRefused()
    {
        var unknownRole = new Segment { Name = "Ghost role", DefinitionJson = "{\"version\":1,\"root\":{\"type\":\"customerRole\",\"roleIds\":[987654]}}" };
        var insert = async () => await Segments.InsertSegmentAsync(unknownRole, 0);
        (await insert.Should().ThrowAsync<LoyaltyRuleException>()).Which.ResourceKey.Should().Be(ResourceKeys.SegmentUnknownRole);

        var malformed = new Segment { Name = "Broken", DefinitionJson = "{\"version\":1,\"root\":{\"type\":\"sprinkles\"}}" };
        insert = async () => await Segments.InsertSegmentAsync(malformed, 0);
        (await insert.Should().ThrowAsync<LoyaltyRuleException>()).Which.ResourceKey.Should().Be(ResourceKeys.SegmentMalformed);

        var draft = new GrantDraft
        {
            Name = "No segment",
            Points = 10,
            ExpiresOnUtc = DateTime.UtcNow.AddDays(30),
            StoreId = StoreId,
            TargetKind = GrantTargetKind.Segment,
            SegmentId = 987654
        };
        (await Wizard.PreviewAsync(draft)).Errors.Select(e => e.ResourceKey).Should().Contain(LoyaltyDefaults.SegmentNotFoundResource);
    }
}
