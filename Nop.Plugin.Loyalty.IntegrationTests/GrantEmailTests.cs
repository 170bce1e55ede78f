using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Engine.Points;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Services;
using Nop.Plugin.Loyalty.Services.Points;
using Nop.Services.Messages;
using NUnit.Framework;

namespace Nop.Plugin.Loyalty.IntegrationTests;

/// <summary>
/// The grant email as the background grant run queues it: there is no HTTP request, so nopCommerce's token provider is
/// built here as it is then (no action context, ASP.NET's own URL helper factory) instead of the harness's fake request.
/// </summary>
[TestFixture]
public class GrantEmailTests : LoyaltyHarness
{
    private MessageTemplate _template;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        await CreateServicesAsync(chunkSize: 1000);
        _template = new MessageTemplate
        {
            Name = LoyaltyDefaults.GrantedMessageTemplateName,
            Subject = "%Loyalty.Campaign%: %Loyalty.Points% points",
            Body = "Hello %Customer.FullName% <%Customer.Email%>, %Loyalty.Points% points.",
            IsActive = true,
            EmailAccountId = (await GetService<IRepository<EmailAccount>>().Table.FirstAsync()).Id
        };
        await GetService<IMessageTemplateService>().InsertMessageTemplateAsync(_template);
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await GetService<IMessageTemplateService>().DeleteMessageTemplateAsync(_template);

    [Test]
    public async Task A_notified_grant_writes_no_link_warnings_to_the_log()
    {
        var logs = GetService<IRepository<Log>>();
        var withoutRequest = TokenProviderWithoutRequest();
        var customers = await CreateCustomersAsync(2, "mail");

        // The condition is real: nopCommerce's own customer tokens log the three link warnings without a request.
        await logs.TruncateAsync();
        await withoutRequest.AddCustomerTokensAsync(new List<Token>(), customers[0]);
        (await LinkWarningsAsync(logs)).Should().Be(3, "nopCommerce's customer tokens build three links that need a request");

        await logs.TruncateAsync();
        var messages = ActivatorUtilities.CreateInstance<LoyaltyMessageService>(ServiceProvider, withoutRequest,
            (ILoyaltyData)ActivatorUtilities.CreateInstance<NopLoyaltyData>(ServiceProvider, Sources), new PipelineOptions(1000), Settings);
        var grant = new SpecialGrant { Name = "Mail campaign " + Guid.NewGuid().ToString("N")[..6], Points = 40, StoreId = StoreId, ExpiresOnUtc = DateTime.UtcNow.AddDays(10) };

        var queued = await messages.QueueGrantedNotificationsAsync(grant, customers.Select(c => c.Id).ToList());

        queued.Should().Be(2);
        (await logs.Table.CountAsync()).Should().Be(0, "a notified grant writes nothing to the log");
        var emails = await GetService<IRepository<QueuedEmail>>().Table.Where(e => e.Subject.StartsWith(grant.Name)).ToListAsync();
        emails.Select(e => e.Body).Should().BeEquivalentTo(customers.Select(c =>
            $"Hello {c.FirstName} {c.LastName} <{c.Email}>, 40 points."));
    }

    private MessageTokenProvider TokenProviderWithoutRequest()
    {
        var noRequest = new Mock<IActionContextAccessor>();
        noRequest.Setup(a => a.ActionContext).Returns((Microsoft.AspNetCore.Mvc.ActionContext)null);
        return ActivatorUtilities.CreateInstance<MessageTokenProvider>(ServiceProvider, noRequest.Object,
            (IUrlHelperFactory)new UrlHelperFactory());
    }

    private static Task<int> LinkWarningsAsync(IRepository<Log> logs) =>
        logs.Table.CountAsync(l => l.ShortMessage.Contains("an error occurred while creating a link"));
}
