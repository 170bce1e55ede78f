using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

/// <remarks>
/// No foreign keys: nopCommerce deletes order lines outright, and the table is refreshed after such changes, not before.
/// </remarks>
public class PurchaseLineBuilder : NopEntityBuilder<PurchaseLine>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(PurchaseLine.OrderItemId)).AsInt32().NotNullable()
            .WithColumn(nameof(PurchaseLine.OrderId)).AsInt32().NotNullable()
            .WithColumn(nameof(PurchaseLine.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(PurchaseLine.ProductId)).AsInt32().NotNullable()
            .WithColumn(nameof(PurchaseLine.OrderStatusId)).AsInt32().NotNullable()
            .WithColumn(nameof(PurchaseLine.Deleted)).AsBoolean().NotNullable()
            .WithColumn(nameof(PurchaseLine.PriceInclTax)).AsDecimal(18, 4).NotNullable();
    }
}
