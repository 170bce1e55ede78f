using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Customers;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Plugins;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>
/// Brings a customer's automatic tags up to date when the customer registers, is updated (profile, checkout that
/// updates the customer) or places an order.
/// </summary>
/// <remarks>
/// The tag writes go straight to the role mapping (no customer update), so they raise none of these events; a consumer
/// of the tag events that updates the customer is evaluated once more, finds nothing to change and stops there. A
/// failure is logged, never thrown: registering or placing an order must not fail because of a tag.
/// </remarks>
public class TagEventConsumer :
    IConsumer<CustomerRegisteredEvent>,
    IConsumer<EntityUpdatedEvent<Customer>>,
    IConsumer<OrderPlacedEvent>
{
    // Evaluations on this async flow: an update raised while one customer is evaluated is not evaluated again inside it.
    private static readonly AsyncLocal<bool> Evaluating = new();

    private readonly IPluginService _pluginService;
    private readonly IServiceProvider _serviceProvider;
    private readonly ICustomerService _customerService;
    private readonly ILogger _logger;

    public TagEventConsumer(IPluginService pluginService, IServiceProvider serviceProvider, ICustomerService customerService, ILogger logger)
    {
        _pluginService = pluginService;
        _serviceProvider = serviceProvider;
        _customerService = customerService;
        _logger = logger;
    }

    public Task HandleEventAsync(CustomerRegisteredEvent eventMessage) => EvaluateAsync(eventMessage.Customer);

    public Task HandleEventAsync(EntityUpdatedEvent<Customer> eventMessage) => EvaluateAsync(eventMessage.Entity);

    public async Task HandleEventAsync(OrderPlacedEvent eventMessage)
    {
        if (eventMessage.Order is { CustomerId: > 0 } order)
            await EvaluateAsync(await _customerService.GetCustomerByIdAsync(order.CustomerId));
    }

    protected virtual async Task EvaluateAsync(Customer customer)
    {
        // Guests hold no automatic tag (rules select registered customers only), and most customer updates are theirs.
        if (customer is not { Id: > 0, Deleted: false } || Evaluating.Value)
            return;
        var descriptor = await _pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(LoyaltyDefaults.SystemName);
        if (descriptor is not { Installed: true })
            return;

        Evaluating.Value = true;
        try
        {
            if (!await _customerService.IsRegisteredAsync(customer) && !await HoldsAnyTagAsync(customer))
                return;
            var pipeline = await TagServices.GetPipelineAsync(_serviceProvider);
            await pipeline.EvaluateCustomerAsync(customer.Id);
        }
        catch (Exception e)
        {
            await _logger.ErrorAsync($"Loyalty: evaluating the member tags of customer {customer.Id} failed", e);
        }
        finally
        {
            Evaluating.Value = false;
        }
    }

    /// <summary>A customer who stopped being registered (made a guest, deactivated by role) may still hold automatic tags to lose.</summary>
    private async Task<bool> HoldsAnyTagAsync(Customer customer)
    {
        var roles = await _customerService.GetCustomerRolesAsync(customer, showHidden: true);
        return roles.Any(r => r.SystemName?.StartsWith(LoyaltyDefaults.TagRoleSystemNamePrefix, StringComparison.Ordinal) == true);
    }
}
