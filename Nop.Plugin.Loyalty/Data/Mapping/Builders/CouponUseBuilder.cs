using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains.Coupons;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class CouponUseBuilder : NopEntityBuilder<CouponUse>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(CouponUse.PlaceName)).AsString(200).Nullable();
    }
}
