using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Store;
using Nop.Plugin.Loyalty.Engine.Tags;
using Nop.Plugin.Loyalty.Testing.Schema;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The engine's sources projected from nopCommerce-shaped tables, as the plugin projects them from its repositories.</summary>
public static class NopStore
{
    /// <summary>The system name of nopCommerce's registered customers role.</summary>
    public const string RegisteredRoleSystemName = "Registered";

    /// <summary>The reward points ledger as engine rows.</summary>
    public static IQueryable<LedgerEntryRow> Ledger(IDataContext db) =>
        db.GetTable<NopRewardPointsHistory>().Select(h => new LedgerEntryRow
        {
            Id = h.Id,
            CustomerId = h.CustomerId,
            StoreId = h.StoreId,
            Points = h.Points,
            PointsBalance = h.PointsBalance,
            CreatedOnUtc = h.CreatedOnUtc,
            EndDateUtc = h.EndDateUtc,
            ValidPoints = h.ValidPoints,
            UsedWithOrder = h.UsedWithOrder
        });

    /// <summary>Every source the engine compiles targets and segments over.</summary>
    /// <param name="db">The store.</param>
    /// <param name="purchaseLines">Read purchases from the plugin's purchase table (fill it with <see cref="FillPurchaseLines"/>).</param>
    public static StoreSources Sources(IDataContext db, bool purchaseLines = false)
    {
        var registeredRoleId = db.GetTable<NopCustomerRole>()
            .Where(r => r.SystemName == RegisteredRoleSystemName)
            .Select(r => r.Id)
            .FirstOrDefault();

        return new StoreSources(
            db.GetTable<NopCustomer>().Select(c => new CustomerRow
            {
                Id = c.Id,
                Email = c.Email,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Active = c.Active,
                Deleted = c.Deleted,
                IsSystemAccount = c.IsSystemAccount,
                CreatedOnUtc = c.CreatedOnUtc,
                RegisteredInStoreId = c.RegisteredInStoreId,
                Gender = c.Gender,
                DateOfBirth = c.DateOfBirth,
                CountryId = c.CountryId,
                StateProvinceId = c.StateProvinceId
            }),
            db.GetTable<NopCustomerRoleMapping>().Select(m => new CustomerRoleRow { CustomerId = m.CustomerId, CustomerRoleId = m.CustomerRoleId }),
            registeredRoleId,
            db.GetTable<NopOrder>().Select(o => new OrderRow
            {
                Id = o.Id,
                CustomerId = o.CustomerId,
                StoreId = o.StoreId,
                OrderStatusId = o.OrderStatusId,
                PaymentStatusId = o.PaymentStatusId,
                OrderTotal = o.OrderTotal,
                Deleted = o.Deleted,
                CreatedOnUtc = o.CreatedOnUtc
            }),
            db.GetTable<NopOrderItem>().Select(i => new OrderItemRow
            {
                Id = i.Id,
                OrderId = i.OrderId,
                ProductId = i.ProductId,
                Quantity = i.Quantity,
                PriceInclTax = i.PriceInclTax
            }),
            db.GetTable<NopProductCategory>().Select(pc => new ProductCategoryRow { ProductId = pc.ProductId, CategoryId = pc.CategoryId }),
            db.GetTable<NopCategory>().Select(c => new CategoryRow { Id = c.Id, ParentCategoryId = c.ParentCategoryId, Deleted = c.Deleted }),
            db.GetTable<NopNewsLetterSubscription>().Select(n => new NewsletterSubscriptionRow { Email = n.Email, Active = n.Active, StoreId = n.StoreId, TypeId = n.TypeId }),
            Ledger(db),
            purchaseLines ? PurchaseLineRows(db) : null,
            Tags(db));
    }

    /// <summary>The plugin's member tags as engine rows, named by their customer roles.</summary>
    public static IQueryable<TagRow> Tags(IDataContext db) =>
        from t in db.GetTable<LoyaltyMemberTag>()
        join r in db.GetTable<NopCustomerRole>() on t.CustomerRoleId equals r.Id
        select new TagRow
        {
            Id = t.Id,
            CustomerRoleId = t.CustomerRoleId,
            Name = r.Name,
            Kind = (TagKind)t.KindId,
            RuleJson = t.RuleJson,
            VisibleToCustomers = t.VisibleToCustomers,
            LastRecomputedOnUtc = t.LastRecomputedOnUtc
        };

    /// <summary>Fills the plugin's purchase table from the store's orders in one INSERT ... SELECT, as a first fill would.</summary>
    public static int FillPurchaseLines(IDataContext db)
    {
        var sources = Sources(db);
        db.GetTable<LoyaltyPurchaseLine>().Delete();
        return InsertPurchaseLines(db, PurchaseLines.Of(sources.Orders, sources.OrderItems));
    }

    /// <summary>Inserts the given purchase rows, composed over this store's tables, in one INSERT ... SELECT.</summary>
    public static int InsertPurchaseLines(IDataContext db, IQueryable<PurchaseLineRow> rows) =>
        rows.Insert(db.GetTable<LoyaltyPurchaseLine>(), r => new LoyaltyPurchaseLine
        {
            OrderItemId = r.OrderItemId,
            OrderId = r.OrderId,
            CustomerId = r.CustomerId,
            StoreId = r.StoreId,
            ProductId = r.ProductId,
            OrderStatusId = r.OrderStatusId,
            Deleted = r.Deleted,
            CreatedOnUtc = r.CreatedOnUtc,
            PriceInclTax = r.PriceInclTax
        });

    /// <summary>The plugin's purchase table as engine rows.</summary>
    public static IQueryable<PurchaseLineRow> PurchaseLineRows(IDataContext db) =>
        db.GetTable<LoyaltyPurchaseLine>().Select(l => new PurchaseLineRow
        {
            OrderItemId = l.OrderItemId,
            OrderId = l.OrderId,
            CustomerId = l.CustomerId,
            StoreId = l.StoreId,
            ProductId = l.ProductId,
            OrderStatusId = l.OrderStatusId,
            Deleted = l.Deleted,
            CreatedOnUtc = l.CreatedOnUtc,
            PriceInclTax = l.PriceInclTax
        });
}
