using Nop.Plugin.Loyalty.Engine.Store;
using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Configuration;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Tests;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

[TestFixture]
public class SpecialPointsTests : LoyaltyHarness
{
    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 2);
    }

    [Test]
    public async Task GrantToThreeCustomersThenSpendEarliestExpiryFirst()
    {
        var customers = await CreateCustomersAsync(3, "grant");
        var first = customers[0];
        await RewardPoints.AddRewardPointsHistoryEntryAsync(first, 100, StoreId, "regular points");

        var grant = await GrantAsync("Spring campaign", 50, customers, DateTime.UtcNow.AddDays(10));

        grant.Status.Should().Be(GrantStatus.Completed);
        grant.PlannedRecipientCount.Should().Be(3);
        grant.GrantedCount.Should().Be(3);
        Queue.Enqueued.Should().Contain(grant.Id);
        (await BalanceAsync(first)).Should().Be(150);
        (await BalanceAsync(customers[1])).Should().Be(50);

        // A run started over from the beginning (its checkpoint lost, as a crash mid-chunk would leave it) grants nobody twice.
        var grantRepository = GetService<IRepository<SpecialGrant>>();
        var stored = await grantRepository.GetByIdAsync(grant.Id);
        stored.LastCustomerId = 0;
        stored.Status = GrantStatus.Running;
        await grantRepository.UpdateAsync(stored, false);
        (await Grants.RunAsync(grant.Id)).Should().Be(GrantRunOutcome.Completed);
        (await Grants.GetGrantByIdAsync(grant.Id)).GrantedCount.Should().Be(3);
        (await Grants.GetRecipientsAsync(grant.Id)).TotalCount.Should().Be(3);
        (await BalanceAsync(first)).Should().Be(150);

        // Spending draws the expiring special lot before the regular points.
        await RewardPoints.AddRewardPointsHistoryEntryAsync(first, -30, StoreId, "spend");
        (await LotOfAsync(grant, first)).ValidPoints.Should().Be(20);
        (await BalanceAsync(first)).Should().Be(120);

        await RewardPoints.AddRewardPointsHistoryEntryAsync(first, -40, StoreId, "spend");
        (await LotOfAsync(grant, first)).ValidPoints.Should().Be(0);
        var regular = await GetService<IRepository<RewardPointsHistory>>().Table
            .FirstAsync(e => e.CustomerId == first.Id && e.Message == "regular points");
        regular.ValidPoints.Should().Be(80);

        // Redeeming more than is available for an order is refused and changes nothing.
        var order = new Order { OrderGuid = Guid.NewGuid() };
        var redeemTooMuch = async () => await RewardPoints.AddRewardPointsHistoryEntryAsync(first, -81, StoreId, "too much", order, 81m);
        await redeemTooMuch.Should().ThrowAsync<NopException>();
        (await BalanceAsync(first)).Should().Be(80);
        (await NeverNegativeAsync(first)).Should().BeTrue();

        // Taking back more than is left (an order's earned points on cancellation) is not refused: the lots give
        // what they hold and nopCommerce keeps the rest as a negative balance, as it always has.
        await RewardPoints.AddRewardPointsHistoryEntryAsync(first, -81, StoreId, "reduced for a cancelled order");
        (await GetService<IRepository<RewardPointsHistory>>().Table.FirstAsync(e => e.Id == regular.Id)).ValidPoints.Should().Be(0);
        (await BalanceAsync(first)).Should().Be(-1);

        var statement = await Statements.GetStatementAsync(customers[1].Id, StoreId);
        statement.Balance.Should().Be(50);
        statement.LimitedTotal.Should().Be(50);
        statement.Limited.Single().IsSpecial.Should().BeTrue();
    }

    [Test]
    public async Task PlaceOrderPayingWithPointsConsumesEarliestExpiryFirst()
    {
        var customerService = GetService<ICustomerService>();
        var admin = await customerService.GetCustomerByEmailAsync(NopTestsDefaults.AdminEmail);
        var others = await CreateCustomersAsync(2, "order");
        var balanceBefore = await BalanceAsync(admin);

        // Regular points first (older, never expire), then the campaign's: nopCommerce alone would spend the older ones first.
        await RewardPoints.AddRewardPointsHistoryEntryAsync(admin, 5000, StoreId, "regular points for order test");
        var grant = await GrantAsync("Order campaign", 50, others.Prepend(admin), DateTime.UtcNow.AddDays(5));
        grant.GrantedCount.Should().Be(3);
        (await BalanceAsync(admin)).Should().Be(balanceBefore + 5050);

        // A cart of one product, paid with reward points (nopCommerce's own checkout path).
        var attributeMappings = GetService<IRepository<ProductAttributeMapping>>().Table;
        var product = (await GetService<IRepository<Product>>().Table
                .Where(p => p.Published && !p.Deleted && p.ProductTypeId == (int)ProductType.SimpleProduct && p.Price > 10
                            && !p.IsGiftCard && !p.IsDownload && !p.IsRental && !p.IsRecurring && !p.CustomerEntersPrice
                            && !p.RequireOtherProducts && !attributeMappings.Any(m => m.ProductId == p.Id))
                .OrderBy(p => p.Id)
                .ToListAsync())
            .First();
        product.IsShipEnabled = false;
        product.ManageInventoryMethod = ManageInventoryMethod.DontManageStock;
        await GetService<IRepository<Product>>().UpdateAsync(product, false);

        var cartService = GetService<IShoppingCartService>();
        foreach (var item in await cartService.GetShoppingCartAsync(admin, ShoppingCartType.ShoppingCart, StoreId))
            await cartService.DeleteShoppingCartItemAsync(item);
        var warnings = await cartService.AddToCartAsync(admin, product, ShoppingCartType.ShoppingCart, StoreId, quantity: 1);
        warnings.Should().BeEmpty();
        await GetService<IGenericAttributeService>().SaveAttributeAsync(admin, NopCustomerDefaults.UseRewardPointsDuringCheckoutAttribute, true, StoreId);

        var settingService = GetService<ISettingService>();
        var paymentSettings = await settingService.LoadSettingAsync<PaymentSettings>();
        if (!paymentSettings.ActivePaymentMethodSystemNames.Contains("Payments.TestMethod"))
        {
            paymentSettings.ActivePaymentMethodSystemNames.Add("Payments.TestMethod");
            await settingService.SaveSettingAsync(paymentSettings);
        }

        var totals = ActivatorUtilities.CreateInstance<OrderTotalCalculationService>(ServiceProvider, (IRewardPointService)RewardPoints);
        var orders = ActivatorUtilities.CreateInstance<OrderProcessingService>(ServiceProvider,
            (IRewardPointService)RewardPoints, (IOrderTotalCalculationService)totals);
        var result = await orders.PlaceOrderAsync(new ProcessPaymentRequest
        {
            StoreId = StoreId,
            CustomerId = admin.Id,
            PaymentMethodSystemName = "Payments.TestMethod",
            OrderGuid = Guid.NewGuid()
        });

        result.Success.Should().BeTrue(string.Join("; ", result.Errors));
        var order = result.PlacedOrder;
        order.RedeemedRewardPointsEntryId.Should().NotBeNull();
        var redeemed = await GetService<IRepository<RewardPointsHistory>>().GetByIdAsync(order.RedeemedRewardPointsEntryId);
        redeemed.Points.Should().BeNegative();
        var spent = -redeemed.Points;

        // The special lot (expires in 5 days) is drawn before the regular, non-expiring points.
        spent.Should().BeGreaterThan(50).And.BeLessThan(5050);
        (await LotOfAsync(grant, admin)).ValidPoints.Should().Be(0);
        var regular = await GetService<IRepository<RewardPointsHistory>>().Table
            .FirstAsync(e => e.CustomerId == admin.Id && e.Message == "regular points for order test");
        regular.ValidPoints.Should().BeGreaterThanOrEqualTo(5000 - (spent - 50));
        // The paid order also earns points (nopCommerce's "points for purchases"), once they are active.
        var earned = 0;
        if (order.RewardPointsHistoryEntryId is { } earnedId)
        {
            var earnedEntry = await GetService<IRepository<RewardPointsHistory>>().GetByIdAsync(earnedId);
            earned = earnedEntry.CreatedOnUtc <= DateTime.UtcNow ? earnedEntry.Points : 0;
        }

        TestContext.Out.WriteLine($"Order total {order.OrderTotal}, redeemed {spent} points, earned {earned} points.");
        (await BalanceAsync(admin)).Should().Be(balanceBefore + 5050 - spent + earned);
        (await NeverNegativeAsync(admin)).Should().BeTrue();
    }

    [Test]
    public async Task ExpiryTaskRetiresDueLotsNeverBelowZeroAndPurgeRemovesUnusedOnes()
    {
        var customers = await CreateCustomersAsync(3, "expire");
        var (used, unused, adjusted) = (customers[0], customers[1], customers[2]);
        var grant = await GrantAsync("Summer campaign", 40, customers, DateTime.UtcNow.AddDays(1));

        await RewardPoints.AddRewardPointsHistoryEntryAsync(used, -10, StoreId, "spend");

        // A manual adjustment from before the plugin: it lowered the balance without touching the lot.
        var ledger = GetService<IRepository<RewardPointsHistory>>();
        await ledger.InsertAsync(new RewardPointsHistory
        {
            CustomerId = adjusted.Id,
            StoreId = StoreId,
            Points = -35,
            PointsBalance = 5,
            CreatedOnUtc = DateTime.UtcNow,
            Message = "old manual adjustment"
        }, false);

        var longAgo = DateTime.UtcNow.AddDays(-40);
        foreach (var customer in customers)
            await ExpireLotOnAsync(await LotOfAsync(grant, customer), longAgo);

        var expired = await Pipeline.ExpireDueAsync();
        expired.Should().BeGreaterThanOrEqualTo(3);

        foreach (var customer in customers)
        {
            (await LotOfAsync(grant, customer)).ValidPoints.Should().Be(0);
            (await BalanceAsync(customer)).Should().Be(0);
            (await NeverNegativeAsync(customer)).Should().BeTrue();
        }

        var expiries = GetService<IRepository<LotExpiry>>().Table;
        var adjustedLot = await LotOfAsync(grant, adjusted);
        (await expiries.FirstAsync(x => x.LotEntryId == adjustedLot.Id)).ExpiredPoints.Should().Be(5);
        var unusedLot = await LotOfAsync(grant, unused);
        (await expiries.FirstAsync(x => x.LotEntryId == unusedLot.Id)).ExpiredPoints.Should().Be(40);

        // Nothing left to expire.
        var nowDue = await Pipeline.ExpireDueAsync();
        nowDue.Should().Be(0);

        // Purge: only the lot that expired with every point unused goes, with its expiry entry.
        var unusedExpiry = await expiries.FirstAsync(x => x.LotEntryId == unusedLot.Id);
        var purged = await Pipeline.PurgeAsync(Settings.PurgeAfterDays);
        purged.Should().BeGreaterThanOrEqualTo(1);

        (await ledger.GetByIdAsync(unusedLot.Id)).Should().BeNull();
        (await ledger.GetByIdAsync(unusedExpiry.ExpiryEntryId)).Should().BeNull();
        (await LotOfAsync(grant, used)).Should().NotBeNull();
        (await LotOfAsync(grant, adjusted)).Should().NotBeNull();
        (await BalanceAsync(unused)).Should().Be(0);

        var recipients = await Grants.GetRecipientsAsync(grant.Id);
        recipients.Single(r => r.CustomerId == unused.Id).PurgedOnUtc.Should().NotBeNull();
        recipients.Where(r => r.CustomerId != unused.Id).Should().OnlyContain(r => r.PurgedOnUtc == null);
        (await Grants.GetGrantByIdAsync(grant.Id)).PurgedCount.Should().Be(1);
    }

    [Test]
    public async Task RevokeOneThenAllTakesWhatRemainsNeverBelowZero()
    {
        var customers = await CreateCustomersAsync(3, "revoke");
        var grant = await GrantAsync("Autumn campaign", 60, customers, DateTime.UtcNow.AddDays(30));

        await RewardPoints.AddRewardPointsHistoryEntryAsync(customers[0], -20, StoreId, "spend");

        (await Grants.RevokeAsync(grant.Id, customers[0].Id)).Should().Be(40);
        (await BalanceAsync(customers[0])).Should().Be(0);
        (await Grants.RevokeAsync(grant.Id, customers[0].Id)).Should().Be(0);

        await Grants.RevokeAllAsync(grant.Id);
        Queue.Enqueued.Should().Contain(grant.Id);
        (await Grants.RunAsync(grant.Id)).Should().Be(GrantRunOutcome.Revoked);
        foreach (var customer in customers)
        {
            (await BalanceAsync(customer)).Should().Be(0);
            (await NeverNegativeAsync(customer)).Should().BeTrue();
        }

        var reloaded = await Grants.GetGrantByIdAsync(grant.Id);
        reloaded.RevokedCount.Should().Be(3);
        var recipients = await Grants.GetRecipientsAsync(grant.Id);
        recipients.Should().OnlyContain(r => r.RevokedOnUtc != null);
        recipients.Single(r => r.CustomerId == customers[0].Id).RevokedPoints.Should().Be(40);
        recipients.Sum(r => r.RevokedPoints).Should().Be(40 + 120);
        reloaded.Status.Should().Be(GrantStatus.Revoked);
    }

    [Test]
    public async Task PreviewCountsRecipientsAndListsUnmatchedRows()
    {
        var customers = await CreateCustomersAsync(2, "preview");
        var draft = await ListDraftAsync("Preview campaign", 10, customers, DateTime.UtcNow.AddDays(3),
            "nobody@loyalty.test", "not an email", customers[0].Email);

        var preview = await Wizard.PreviewAsync(draft);

        preview.RecipientCount.Should().Be(2);
        preview.TotalPoints.Should().Be(20);
        preview.Errors.Should().BeEmpty();
        preview.RejectedRows.Select(r => r.Text).Should().Contain(["nobody@loyalty.test", "not an email"]);
        preview.TargetDescription.Should().NotBeNullOrEmpty();
        preview.TotalValueFormatted.Should().NotBeNullOrEmpty();

        draft.ExpiresOnUtc = DateTime.UtcNow.AddDays(-1);
        (await Wizard.PreviewAsync(draft)).CanConfirm.Should().BeFalse();
    }
}
