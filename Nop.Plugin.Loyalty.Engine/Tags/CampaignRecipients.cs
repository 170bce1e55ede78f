using Nop.Plugin.Loyalty.Engine.Ports;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Tags;

/// <summary>Who a newsletter campaign is sent to, as the campaign states it.</summary>
/// <param name="StoreId">The subscribers' store; 0 for every store.</param>
/// <param name="CustomerRoleId">The customer role the subscribers must hold; 0 for everyone.</param>
/// <param name="SubscriptionTypeId">The newsletter subscribed to; 0 for every newsletter.</param>
/// <param name="GuestsRoleId">nopCommerce's "Guests" role: as a campaign's role it means subscribers without a customer account.</param>
public sealed record CampaignAudience(int StoreId, int CustomerRoleId, int SubscriptionTypeId, int GuestsRoleId);

/// <summary>
/// The customers a newsletter campaign reaches: registered customers whose email has an active subscription the
/// campaign targets (its store, newsletter and customer role). Subscribers without an account are not customers and
/// cannot be tagged, so a campaign for guests reaches no one here.
/// </summary>
public static class CampaignRecipients
{
    /// <summary>The ids of the customers the campaign reaches, each once.</summary>
    public static IQueryable<int> CustomerIds(StoreSources sources, CampaignAudience audience)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(audience);

        var customers = sources.RegisteredCustomers();
        if (audience.CustomerRoleId > 0 && audience.CustomerRoleId == audience.GuestsRoleId)
            return customers.Where(c => false).Select(c => c.Id);

        var (storeId, roleId, typeId) = (audience.StoreId, audience.CustomerRoleId, audience.SubscriptionTypeId);
        var subscriptions = sources.NewsletterSubscriptions.Where(n => n.Active);
        if (storeId > 0)
            subscriptions = subscriptions.Where(n => n.StoreId == storeId);
        if (typeId > 0)
            subscriptions = subscriptions.Where(n => n.TypeId == typeId);

        // nopCommerce matches a subscription to its customer by email, as its campaign sending does.
        customers = customers.Where(c => c.Email != null && subscriptions.Any(n => n.Email == c.Email));
        if (roleId > 0)
        {
            var roles = sources.CustomerRoles;
            customers = customers.Where(c => roles.Any(r => r.CustomerId == c.Id && r.CustomerRoleId == roleId));
        }

        return customers.Select(c => c.Id);
    }

    /// <summary>How many customers the campaign reaches (shown before tagging them).</summary>
    public static async Task<int> CountAsync(ILoyaltyData data, CampaignAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ids = CustomerIds(await data.GetSourcesAsync(), audience);
        // Grouped on a constant: a COUNT through the port's list runner, which knows no scalar queries.
        var counts = await data.ToListAsync(ids.GroupBy(_ => 1).Select(g => g.Count()), cancellationToken);
        return counts.Sum();
    }
}
