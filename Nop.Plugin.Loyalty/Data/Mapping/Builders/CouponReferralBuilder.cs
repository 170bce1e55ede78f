using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains.Coupons;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

/// <summary>Every column maps by its type; the engine's indexes are created by the coupon migration.</summary>
public class CouponReferralBuilder : NopEntityBuilder<CouponReferral>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
    }
}
