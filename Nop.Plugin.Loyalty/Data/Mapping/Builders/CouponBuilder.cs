using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains.Coupons;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class CouponBuilder : NopEntityBuilder<Coupon>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(Coupon.Title)).AsString(200).NotNullable()
            .WithColumn(nameof(Coupon.BenefitText)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(Coupon.UsageGuideHtml)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(Coupon.Code)).AsString(100).Nullable();
    }
}
