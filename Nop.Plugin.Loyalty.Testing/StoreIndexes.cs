using LinqToDB.Data;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The indexes a nopCommerce 4.90 store has on the tables the loyalty rules read, and the engine's own list.</summary>
public static class StoreIndexes
{
    /// <summary>nopCommerce's own (installation migration, primary keys and foreign keys) on the tables used here.</summary>
    public static readonly (string Name, string Table, string[] Columns)[] Store =
    [
        ("IX_Customer_Email", "Customer", ["Email"]),
        ("IX_Customer_Deleted", "Customer", ["Deleted"]),
        ("IX_Customer_CreatedOnUtc", "Customer", ["CreatedOnUtc"]),
        // nopCommerce's mapping table is keyed by (customer, role); the test table has a surrogate id, so the key is an index here.
        ("IX_CCRM_Customer_Role", "Customer_CustomerRole_Mapping", ["CustomerId", "CustomerRoleId"]),
        ("IX_RPH_CustomerId", "RewardPointsHistory", ["CustomerId"]),
        ("IX_Order_CreatedOnUtc", "Order", ["CreatedOnUtc"]),
        ("IX_Order_CustomerId", "Order", ["CustomerId"]),
        ("IX_OrderItem_OrderId", "OrderItem", ["OrderId"]),
        ("IX_PCM_Product_and_Category", "Product_Category_Mapping", ["CategoryId", "ProductId"]),
        ("IX_NewsletterSubscription_Email_StoreId", "NewsLetterSubscription", ["Email", "StoreId"]),
    ];

    /// <summary>The test schema's name of each table the engine indexes.</summary>
    private static string TableOf(IndexedTable table) => table switch
    {
        IndexedTable.Ledger => "RewardPointsHistory",
        IndexedTable.Orders => "Order",
        IndexedTable.OrderItems => "OrderItem",
        IndexedTable.GrantRecipients => "LoyaltySpecialGrantRecipient",
        IndexedTable.LotExpiries => "LoyaltyLotExpiry",
        IndexedTable.PurchaseLines => "LoyaltyPurchaseLine",
        IndexedTable.CouponCopies => "LoyaltyCouponCopy",
        IndexedTable.CouponShares => "LoyaltyCouponShare",
        IndexedTable.CouponUses => "LoyaltyCouponUse",
        IndexedTable.CouponReferrals => "LoyaltyCouponReferral",
        IndexedTable.CustomerRoleMappings => "Customer_CustomerRole_Mapping",
        _ => throw new ArgumentOutOfRangeException(nameof(table))
    };

    /// <summary>Creates the store's indexes and, unless told otherwise, the engine's (as the plugin's migrations do).</summary>
    public static void Create(DataConnection db, bool includePlugin = true)
    {
        foreach (var (name, table, columns) in Store)
            Create(db, name, table, columns, unique: false);
        if (includePlugin)
            CreatePlugin(db);
    }

    /// <summary>Creates the engine's indexes only, as installing the plugin on a running store does.</summary>
    public static void CreatePlugin(DataConnection db)
    {
        foreach (var index in LoyaltyIndexes.All)
            Create(db, index.Name, TableOf(index.Table), index.Columns, index.Unique);
    }

    private static void Create(DataConnection db, string name, string table, IEnumerable<string> columns, bool unique)
    {
        var (open, close) = TestDatabase.KindOf(db) == DatabaseKind.MariaDb ? ("`", "`") : ("\"", "\"");
        db.Execute($"CREATE {(unique ? "UNIQUE " : "")}INDEX {open}{name}{close} ON {open}{table}{close} ({string.Join(", ", columns.Select(c => open + c + close))})");
    }
}
