using Nop.Data.Extensions;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Loyalty.Domains.Coupons;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Data.Migrations;

/// <summary>
/// Shareable coupons (1.5.0): definitions, distributions, customers' copies, shares, uses and referrals, with the
/// engine's indexes on them. NoMatter: it runs at install and when an earlier version updates; Down (uninstall) drops
/// the tables, and their indexes with them.
/// </summary>
[NopMigration("2026/11/29 06:00:00:0000000", "Nop.Plugin.Loyalty coupons", MigrationProcessType.NoMatter)]
public class CouponMigration : LoyaltyIndexMigration
{
    private static readonly IndexedTable[] Indexed =
        [IndexedTable.CouponCopies, IndexedTable.CouponShares, IndexedTable.CouponUses, IndexedTable.CouponReferrals];

    /// <summary>In creation order; dropped in reverse.</summary>
    private static readonly Type[] Entities =
        [typeof(Coupon), typeof(CouponDistribution), typeof(CouponCopy), typeof(CouponShare), typeof(CouponUse), typeof(CouponReferral)];

    public override void Up()
    {
        CreateTable<Coupon>();
        CreateTable<CouponDistribution>();
        CreateTable<CouponCopy>();
        CreateTable<CouponShare>();
        CreateTable<CouponUse>();
        CreateTable<CouponReferral>();
        foreach (var table in Indexed)
            CreateIndexes(table);
    }

    public override void Down()
    {
        foreach (var entity in Enumerable.Reverse(Entities))
        {
            var name = NameCompatibilityManager.GetTableName(entity);
            if (Schema.Table(name).Exists())
                Delete.Table(name);
        }
    }

    private void CreateTable<TEntity>() where TEntity : Nop.Core.BaseEntity
    {
        if (!Schema.Table(NameCompatibilityManager.GetTableName(typeof(TEntity))).Exists())
            Create.TableFor<TEntity>();
    }
}
