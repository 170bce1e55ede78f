using LinqToDB;
using Nop.Plugin.Loyalty.Engine.Store;
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
            ValidPoints = h.ValidPoints
        });

    /// <summary>Every source the engine compiles targets and segments over.</summary>
    public static StoreSources Sources(IDataContext db)
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
            db.GetTable<NopNewsLetterSubscription>().Select(n => new NewsletterSubscriptionRow { Email = n.Email, Active = n.Active, StoreId = n.StoreId }),
            Ledger(db));
    }
}
