using LinqToDB.Data;

namespace Nop.Plugin.Loyalty.Testing;

/// <summary>The indexes a nopCommerce 4.90 store has on the tables the loyalty rules read, and those the plugin's migration adds.</summary>
public static class StoreIndexes
{
    /// <summary>nopCommerce's own (installation migration and foreign keys) on the tables used here.</summary>
    public static readonly (string Name, string Table, string[] Columns)[] Store =
    [
        ("IX_Customer_Email", "Customer", ["Email"]),
        ("IX_Customer_Deleted", "Customer", ["Deleted"]),
        ("IX_Customer_CreatedOnUtc", "Customer", ["CreatedOnUtc"]),
        ("IX_CCRM_CustomerId", "Customer_CustomerRole_Mapping", ["CustomerId"]),
        ("IX_RPH_CustomerId", "RewardPointsHistory", ["CustomerId"]),
        ("IX_Order_CreatedOnUtc", "Order", ["CreatedOnUtc"]),
        ("IX_Order_CustomerId", "Order", ["CustomerId"]),
        ("IX_OrderItem_OrderId", "OrderItem", ["OrderId"]),
        ("IX_PCM_Product_and_Category", "Product_Category_Mapping", ["CategoryId", "ProductId"]),
        ("IX_NewsletterSubscription_Email_StoreId", "NewsLetterSubscription", ["Email", "StoreId"]),
    ];

    /// <summary>The purchase table's: by product for "bought X", by customer for the same under Any or Not, by order for refreshes (unique with the line: no line is ever copied twice).</summary>
    /// <remarks>Every column a purchase condition reads is in the key, so the conditions read the index alone (MariaDB has no INCLUDE).</remarks>
    public static readonly (string Name, string Table, string[] Columns)[] PurchaseLineIndexes =
    [
        ("IX_Loyalty_PurchaseLine_Product", "LoyaltyPurchaseLine", ["ProductId", "CustomerId", "CreatedOnUtc", "OrderStatusId", "Deleted", "PriceInclTax", "StoreId"]),
        ("IX_Loyalty_PurchaseLine_Customer", "LoyaltyPurchaseLine", ["CustomerId", "ProductId", "CreatedOnUtc", "OrderStatusId", "Deleted", "PriceInclTax", "StoreId"]),
        ("IX_Loyalty_PurchaseLine_Order", "LoyaltyPurchaseLine", ["OrderId", "OrderItemId"]),
    ];

    /// <summary>What the plugin's migration adds: latest-entry lookups, expiry scans, grant recipients.</summary>
    public static readonly (string Name, string Table, string[] Columns)[] Plugin =
    [
        ("IX_Loyalty_RPH_Customer_Created", "RewardPointsHistory", ["CustomerId", "CreatedOnUtc", "Id"]),
        ("IX_Loyalty_RPH_EndDate", "RewardPointsHistory", ["EndDateUtc", "ValidPoints"]),
        ("IX_Loyalty_CCRM_Customer_Role", "Customer_CustomerRole_Mapping", ["CustomerId", "CustomerRoleId"]),
        ("IX_Loyalty_Recipient_Grant_Customer", "LoyaltySpecialGrantRecipient", ["GrantId", "CustomerId"]),
        ("IX_Loyalty_LotExpiry_Lot", "LoyaltyLotExpiry", ["LotEntryId"]),
        .. PurchaseLineIndexes,
    ];

    private static readonly HashSet<string> UniqueIndexes = ["IX_Loyalty_Recipient_Grant_Customer", "IX_Loyalty_PurchaseLine_Order"];

    /// <summary>Creates the store's indexes and, unless told otherwise, the plugin's.</summary>
    public static void Create(DataConnection db, bool includePlugin = true) =>
        Create(db, includePlugin ? Store.Concat(Plugin) : Store);

    /// <summary>Creates the plugin's indexes only, as installing the plugin on a running store does.</summary>
    public static void CreatePlugin(DataConnection db) => Create(db, Plugin);

    private static void Create(DataConnection db, IEnumerable<(string Name, string Table, string[] Columns)> indexes)
    {
        var (open, close) = db.DataProvider.Name.Contains("MySql", StringComparison.OrdinalIgnoreCase) ? ("`", "`") : ("\"", "\"");
        foreach (var (name, table, columns) in indexes)
        {
            var unique = UniqueIndexes.Contains(name) ? "UNIQUE " : "";
            db.Execute($"CREATE {unique}INDEX {open}{name}{close} ON {open}{table}{close} ({string.Join(", ", columns.Select(c => open + c + close))})");
        }
    }
}
