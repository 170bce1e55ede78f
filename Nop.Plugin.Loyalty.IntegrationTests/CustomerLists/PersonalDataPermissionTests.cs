using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Loyalty.Controllers;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.Services;
using Nop.Services.Customers;
using Nop.Services.Security;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.CustomerLists;

/// <summary>Customers' personal data needs nopCommerce's customer permissions besides "Manage loyalty", as in nopCommerce's own pages.</summary>
[TestFixture]
public class PersonalDataPermissionTests : AdminHarness
{
    private const string View = StandardPermission.Customers.CUSTOMERS_VIEW;
    private const string ImportExport = StandardPermission.Customers.CUSTOMERS_IMPORT_EXPORT;

    private Customer _manager;
    private Customer _viewer;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 50);
        _manager = await CreateAdminAsync("manager", LoyaltyDefaults.ManageLoyaltyPermission);
        _viewer = await CreateAdminAsync("viewer", LoyaltyDefaults.ManageLoyaltyPermission, View);
    }

    private Task<int> ListsOfAsync(Customer admin) =>
        GetService<IRepository<UploadedCustomerList>>().Table.CountAsync(l => l.CustomerId == admin.Id);

    [TestCase(nameof(SpecialPointsController.RecipientList), new[] { View })]
    [TestCase(nameof(SpecialPointsController.ExportRecipients), new[] { View, ImportExport })]
    public async Task GrantRecipientsNeedTheCustomerPermissions(string action, string[] needed)
    {
        (await AsAsync(_manager, () => RefusedPermissionsAsync<SpecialPointsController>(action))).Should().BeEquivalentTo(needed);
        (await AsAsync(_viewer, () => RefusedPermissionsAsync<SpecialPointsController>(action))).Should()
            .BeEquivalentTo(needed.Except([View]));
        (await RefusedPermissionsAsync<SpecialPointsController>(action)).Should().BeEmpty("the store's administrators have every permission");
    }

    [TestCase(nameof(SegmentController.ExportCsv))]
    [TestCase(nameof(SegmentController.ExportSavedCsv))]
    public async Task SegmentExportsNeedTheCustomerPermissions(string action)
    {
        (await AsAsync(_manager, () => RefusedPermissionsAsync<SegmentController>(action))).Should().BeEquivalentTo([View, ImportExport]);
        (await AsAsync(_viewer, () => RefusedPermissionsAsync<SegmentController>(action))).Should().BeEquivalentTo([ImportExport]);
        (await RefusedPermissionsAsync<SegmentController>(action)).Should().BeEmpty();
    }

    [Test]
    public async Task TheSegmentPreviewCountsForEveryManagerButListsCustomersOnlyToThoseWhoMayViewThem()
    {
        var customers = await CreateCustomersAsync(2, "previewed");
        var role = new CustomerRole { Name = $"previewed {Guid.NewGuid().ToString("N")[..8]}", Active = true };
        await GetService<ICustomerService>().InsertCustomerRoleAsync(role);
        await GetService<IRepository<CustomerCustomerRoleMapping>>().InsertAsync(customers
            .Select(c => new CustomerCustomerRoleMapping { CustomerId = c.Id, CustomerRoleId = role.Id }).ToList(), false);
        var json = "{\"version\":1,\"root\":{\"type\":\"group\",\"match\":\"all\",\"children\":[{\"type\":\"customerRole\",\"roleIds\":["
                   + role.Id + "]}]}}";

        var denied = JsonOf(await AsAsync(_manager, () => NewSegmentController().Preview(json)));
        var allowed = JsonOf(await AsAsync(_viewer, () => NewSegmentController().Preview(json)));

        denied.GetProperty("count").GetInt32().Should().Be(2);
        denied.GetProperty("customers").GetArrayLength().Should().Be(0);
        denied.GetProperty("sampleDenied").GetString().Should().NotBeNullOrWhiteSpace();
        allowed.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("email").GetString()).Should()
            .BeEquivalentTo(customers.Select(c => c.Email));
    }

    [Test]
    public async Task AManagerWhoMayNotViewCustomersCannotTargetAList()
    {
        var customer = (await CreateCustomersAsync(1, "listed")).Single();
        var controller = WizardController();

        var result = await AsAsync(_manager, () => controller.Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListText = customer.Email
        }, "next"));

        ((GrantWizardModel)((ViewResult)result).Model).Step.Should().Be(GrantWizardStep.Target);
        controller.ModelState[nameof(GrantWizardModel.CustomerListText)]!.Errors.Should().ContainSingle();
        (await ListsOfAsync(_manager)).Should().Be(0);
    }

    [Test]
    public async Task AManagerWhoMayNotImportCustomersCannotUploadAList()
    {
        var customer = (await CreateCustomersAsync(1, "uploaded")).Single();
        var bytes = System.Text.Encoding.UTF8.GetBytes(customer.Id.ToString());
        var controller = WizardController();

        var result = await AsAsync(_viewer, () => controller.Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListFile = new FormFile(new MemoryStream(bytes), 0, bytes.Length, nameof(GrantWizardModel.CustomerListFile), "list.csv")
        }, "next"));

        ((GrantWizardModel)((ViewResult)result).Model).Step.Should().Be(GrantWizardStep.Target);
        controller.ModelState[nameof(GrantWizardModel.CustomerListFile)]!.Errors.Should().ContainSingle();
        (await ListsOfAsync(_viewer)).Should().Be(0);

        // pasting the same list is not importing a file
        var pasted = await AsAsync(_viewer, () => WizardController().Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListText = customer.Id.ToString()
        }, "next"));
        ((GrantWizardModel)((ViewResult)pasted).Model).RecipientCount.Should().Be(1);
    }
}
