using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Csv;
using Nop.Plugin.Loyalty.Factories;
using Nop.Plugin.Loyalty.Models.Admin;
using Nop.Plugin.Loyalty.ScheduledTasks;
using Nop.Plugin.Loyalty.Services;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests.CustomerLists;

/// <summary>The wizard's customer list: read from the uploaded bytes, kept server-side between steps, removed when done.</summary>
[TestFixture]
public class CustomerListTests : AdminHarness
{
    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 50);
        await EnsureManageLoyaltyPermissionAsync();
    }

    private static IFormFile Upload(byte[] bytes, string fileName) =>
        new FormFile(new MemoryStream(bytes), 0, bytes.Length, nameof(GrantWizardModel.CustomerListFile), fileName);

    private static GrantWizardModel ShownModel(IActionResult result) => (GrantWizardModel)((ViewResult)result).Model;

    [Test]
    public async Task AShiftJisFileWithAMemberNumberHeaderIsReadAndShownAsReadBeforeConfirming()
    {
        var customers = await CreateCustomersAsync(2, "sjis");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes($"会員番号,氏名\r\n{customers[0].Id},山田 花子\r\n{customers[1].Id},佐藤 一郎\r\n");

        var controller = WizardController();
        var model = ShownModel(await controller.Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListFile = Upload(bytes, "会員.csv")
        }, "next"));

        model.Errors.Should().BeEmpty();
        model.Step.Should().Be(GrantWizardStep.Content);
        model.RecipientCount.Should().Be(2);
        model.RejectedRows.Should().BeEmpty();
        model.CustomerListSample.EncodingName.Should().Be(CustomerListDecoder.ShiftJis);
        model.CustomerListSample.SourceName.Should().Be("会員.csv");
        model.CustomerListSample.Lines.Select(l => l.Text).Should()
            .Equal("会員番号,氏名", $"{customers[0].Id},山田 花子", $"{customers[1].Id},佐藤 一郎");
    }

    [Test]
    public async Task APastedListIsKeptServerSideAndTheGrantReadsItThenRemovesIt()
    {
        var customers = await CreateCustomersAsync(3, "pasted");
        var text = string.Join("\n", customers.Select(c => c.Email));

        var model = ShownModel(await WizardController().Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListText = text
        }, "next"));

        model.Step.Should().Be(GrantWizardStep.Content);
        model.RecipientCount.Should().Be(3);
        model.CustomerListText.Should().BeNull("the page does not carry the list back");
        model.State.Should().NotContain(customers[0].Email.Split('@')[0], "the hidden draft references the list, it does not hold it");
        model.CustomerListSample.EncodingName.Should().BeNull();

        var draft = LoyaltyAdminModelFactory.ReadDraft(model.State);
        (await UploadedLists.GetAsync(draft.CustomerListToken)).Text.Should().Be(text);

        draft.Name = "Pasted campaign";
        draft.Points = 7;
        draft.ExpiresOnUtc = DateTime.UtcNow.AddDays(5);
        var grant = await Wizard.CreateGrantAsync(draft, 0);
        await Grants.RunAsync(grant.Id);

        (await GetService<IRepository<SpecialGrantRecipient>>().Table.Where(r => r.GrantId == grant.Id).Select(r => r.CustomerId).ToListAsync())
            .Should().BeEquivalentTo(customers.Select(c => c.Id));
        var token = draft.CustomerListToken;
        (await GetService<IRepository<UploadedCustomerList>>().Table.AnyAsync(l => l.Token == token)).Should().BeFalse();
    }

    [Test]
    public async Task ANewListReplacesTheStoredOne()
    {
        var customers = await CreateCustomersAsync(2, "replaced");
        var controller = WizardController();
        var first = ShownModel(await controller.Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListText = customers[0].Id.ToString()
        }, "next"));
        var firstToken = LoyaltyAdminModelFactory.ReadDraft(first.State).CustomerListToken;

        var back = ShownModel(await controller.Create(new GrantWizardModel { Step = GrantWizardStep.Content, State = first.State }, "back"));
        back.Step.Should().Be(GrantWizardStep.Target);
        back.CustomerListSample.Lines.Select(l => l.Text).Should().Equal(customers[0].Id.ToString());

        var second = ShownModel(await controller.Create(new GrantWizardModel
        {
            Step = GrantWizardStep.Target,
            State = back.State,
            TargetKind = (int)GrantTargetKind.CustomerList,
            CustomerListText = customers[1].Id.ToString()
        }, "next"));

        second.RecipientCount.Should().Be(1);
        second.CustomerListSample.Lines.Select(l => l.Text).Should().Equal(customers[1].Id.ToString());
        (await GetService<IRepository<UploadedCustomerList>>().Table.AnyAsync(l => l.Token == firstToken)).Should().BeFalse();
    }

    [Test]
    public async Task AnotherAdminCannotReadTheList()
    {
        var customers = await CreateCustomersAsync(1, "owner");
        var draft = await ListDraftAsync("Owner campaign", 5, customers, DateTime.UtcNow.AddDays(3));
        var other = await CreateAdminAsync("other", LoyaltyDefaults.ManageLoyaltyPermission, Nop.Services.Security.StandardPermission.Customers.CUSTOMERS_VIEW);

        var preview = await AsAsync(other, () => Wizard.PreviewTargetAsync(draft));

        preview.RecipientCount.Should().Be(0);
        preview.Errors.Select(e => e.ResourceKey).Should().Contain(LoyaltyDefaults.CustomerListMissingResource);
        (await Wizard.PreviewTargetAsync(draft)).RecipientCount.Should().Be(1, "its owner still reads it");
    }

    [Test]
    public async Task AbandonedListsAreRemovedAndRecentOnesKept()
    {
        var repository = GetService<IRepository<UploadedCustomerList>>();
        var recent = await UploadedLists.SaveAsync("1", null, null);
        var abandoned = await UploadedLists.SaveAsync("2", null, null);
        abandoned.CreatedOnUtc = DateTime.UtcNow - LoyaltyDefaults.UploadedListLifetime - TimeSpan.FromMinutes(5);
        await repository.UpdateAsync(abandoned, false);

        await new RemoveAbandonedListsTask(UploadedLists).ExecuteAsync();

        (await repository.Table.AnyAsync(l => l.Id == abandoned.Id)).Should().BeFalse();
        (await repository.Table.AnyAsync(l => l.Id == recent.Id)).Should().BeTrue();
    }
}
