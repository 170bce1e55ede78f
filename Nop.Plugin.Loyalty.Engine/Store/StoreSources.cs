namespace Nop.Plugin.Loyalty.Engine.Store;

/// <summary>The store's tables, as queryables the caller supplies, from which targets and segments are compiled.</summary>
/// <param name="Customers">Every customer row, including guests and deleted ones: the rules filter them.</param>
/// <param name="CustomerRoles">Customer-to-role mappings.</param>
/// <param name="RegisteredRoleId">Id of nopCommerce's "Registered" system role.</param>
/// <param name="Orders">Every order row, including deleted ones: the rules filter them.</param>
/// <param name="OrderItems">Order lines.</param>
/// <param name="ProductCategories">Product-to-category mappings.</param>
/// <param name="Categories">Every category row, including deleted ones, for the category tree.</param>
/// <param name="NewsletterSubscriptions">Newsletter subscriptions.</param>
/// <param name="Ledger">Reward points history.</param>
/// <param name="PurchaseLines">
/// The plugin's purchase table (see <see cref="PurchaseLineRow"/>), or null while it is not yet complete: purchase
/// conditions then join <paramref name="OrderItems"/> to <paramref name="Orders"/> instead.
/// </param>
/// <param name="Tags">The member tags, for "has tag" conditions (a tag's members are its role's mappings); null selects nobody.</param>
public sealed record StoreSources(
    IQueryable<CustomerRow> Customers,
    IQueryable<CustomerRoleRow> CustomerRoles,
    int RegisteredRoleId,
    IQueryable<OrderRow> Orders,
    IQueryable<OrderItemRow> OrderItems,
    IQueryable<ProductCategoryRow> ProductCategories,
    IQueryable<CategoryRow> Categories,
    IQueryable<NewsletterSubscriptionRow> NewsletterSubscriptions,
    IQueryable<LedgerEntryRow> Ledger,
    IQueryable<PurchaseLineRow>? PurchaseLines = null,
    IQueryable<Tags.TagRow>? Tags = null)
{
    /// <summary>Registered, active, not deleted, non-system customers: the only ones loyalty rules ever select.</summary>
    public IQueryable<CustomerRow> RegisteredCustomers()
    {
        var roles = CustomerRoles;
        var registeredRoleId = RegisteredRoleId;
        return Customers.Where(c => c.Active && !c.Deleted && !c.IsSystemAccount
            && roles.Any(r => r.CustomerId == c.Id && r.CustomerRoleId == registeredRoleId));
    }
}
