using FluentMigrator;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data.Mapping;
using Nop.Plugin.Loyalty.Domains;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>A migration that creates (and at uninstall removes) the engine's indexes of some tables, and no others.</summary>
public abstract class LoyaltyIndexMigration : Migration
{
    /// <summary>The nopCommerce or plugin entity behind each table the engine indexes.</summary>
    protected static Type EntityOf(IndexedTable table) => table switch
    {
        IndexedTable.Ledger => typeof(RewardPointsHistory),
        IndexedTable.Orders => typeof(Order),
        IndexedTable.OrderItems => typeof(OrderItem),
        IndexedTable.GrantRecipients => typeof(SpecialGrantRecipient),
        IndexedTable.LotExpiries => typeof(LotExpiry),
        IndexedTable.PurchaseLines => typeof(PurchaseLine),
        IndexedTable.CustomerRoleMappings => typeof(CustomerCustomerRoleMapping),
        IndexedTable.CouponCopies => typeof(CouponCopy),
        IndexedTable.CouponShares => typeof(CouponShare),
        IndexedTable.CouponUses => typeof(CouponUse),
        IndexedTable.CouponReferrals => typeof(CouponReferral),
        _ => throw new ArgumentOutOfRangeException(nameof(table))
    };

    /// <summary>Creates each of the table's engine indexes that does not exist yet.</summary>
    protected void CreateIndexes(IndexedTable table)
    {
        var entity = EntityOf(table);
        var tableName = NameCompatibilityManager.GetTableName(entity);
        foreach (var index in LoyaltyIndexes.On(table))
        {
            if (Schema.Table(tableName).Index(index.Name).Exists())
                continue;
            var create = Create.Index(index.Name).OnTable(tableName)
                .OnColumn(NameCompatibilityManager.GetColumnName(entity, index.Columns[0])).Ascending();
            foreach (var column in index.Columns.Skip(1))
                create = create.OnColumn(NameCompatibilityManager.GetColumnName(entity, column)).Ascending();
            if (index.Unique)
                create.WithOptions().Unique();
        }
    }

    /// <summary>Removes the table's engine indexes (on nopCommerce's own tables, which stay at uninstall).</summary>
    protected void DeleteIndexes(IndexedTable table)
    {
        var tableName = NameCompatibilityManager.GetTableName(EntityOf(table));
        foreach (var index in LoyaltyIndexes.On(table))
            if (Schema.Table(tableName).Index(index.Name).Exists())
                Delete.Index(index.Name).OnTable(tableName);
    }
}
