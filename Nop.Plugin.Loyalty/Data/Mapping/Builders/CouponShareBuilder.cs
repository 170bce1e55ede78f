using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains.Coupons;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class CouponShareBuilder : NopEntityBuilder<CouponShare>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(CouponShare.Token)).AsString(64).NotNullable();
    }
}
