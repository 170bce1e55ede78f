using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Events;
using Nop.Services.Customers;
using Nop.Core.Events;
using Nop.Services.Logging;

namespace Nop.Plugin.Loyalty.Services.Tags;

/// <summary>
/// After each committed chunk of tag writes: clears nopCommerce's caches of customers' roles (the writes bypass
/// ICustomerService, whose cache events would have done it), then publishes the tag events for other plugins.
/// </summary>
public class NopTagObserver : ITagObserver
{
    private readonly IEventPublisher _eventPublisher;
    private readonly ILogger _logger;
    private readonly IStaticCacheManager _staticCacheManager;
    private readonly IShortTermCacheManager _shortTermCacheManager;

    public NopTagObserver(IEventPublisher eventPublisher, ILogger logger, IStaticCacheManager staticCacheManager,
        IShortTermCacheManager shortTermCacheManager)
    {
        _eventPublisher = eventPublisher;
        _logger = logger;
        _staticCacheManager = staticCacheManager;
        _shortTermCacheManager = shortTermCacheManager;
    }

    public async Task TagAssignedAsync(TagRow tag, IReadOnlyList<int> customerIds)
    {
        await ClearRoleCachesAsync(customerIds);
        await _eventPublisher.PublishAsync(new TagAssignedEvent(tag.Id, tag.CustomerRoleId, customerIds));
    }

    public async Task TagRemovedAsync(TagRow tag, IReadOnlyList<int> customerIds)
    {
        await ClearRoleCachesAsync(customerIds);
        await _eventPublisher.PublishAsync(new TagRemovedEvent(tag.Id, tag.CustomerRoleId, customerIds));
    }

    public Task ErrorAsync(string message, Exception exception) => _logger.ErrorAsync(message, exception);

    /// <summary>
    /// One customer's roles by key, a chunk's by prefix (one sweep rather than thousands of removals), in both caches
    /// ICustomerService reads them through: the request's short-term cache (the mappings) and the static one.
    /// </summary>
    protected virtual async Task ClearRoleCachesAsync(IReadOnlyList<int> customerIds)
    {
        if (customerIds.Count == 1)
        {
            _shortTermCacheManager.Remove(NopCustomerServicesDefaults.CustomerRolesCacheKey.Key, customerIds[0]);
            await _staticCacheManager.RemoveAsync(NopCustomerServicesDefaults.CustomerRolesCacheKey, customerIds[0]);
        }
        else
        {
            _shortTermCacheManager.RemoveByPrefix(NopCustomerServicesDefaults.CustomerCustomerRolesPrefix);
            await _staticCacheManager.RemoveByPrefixAsync(NopCustomerServicesDefaults.CustomerCustomerRolesPrefix);
        }
        _shortTermCacheManager.RemoveByPrefix(NopEntityCacheDefaults<CustomerCustomerRoleMapping>.Prefix);
        await _staticCacheManager.RemoveByPrefixAsync(NopEntityCacheDefaults<CustomerCustomerRoleMapping>.Prefix);
    }
}
