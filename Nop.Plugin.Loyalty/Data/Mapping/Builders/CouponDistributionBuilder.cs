using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains.Coupons;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class CouponDistributionBuilder : NopEntityBuilder<CouponDistribution>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(CouponDistribution.TargetJson)).AsString(int.MaxValue).NotNullable()
            .WithColumn(nameof(CouponDistribution.LastError)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(CouponDistribution.Runner)).AsString(100).Nullable();
    }
}
