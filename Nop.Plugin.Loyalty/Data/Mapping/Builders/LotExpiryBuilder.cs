using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class LotExpiryBuilder : NopEntityBuilder<LotExpiry>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(LotExpiry.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(LotExpiry.LotEntryId)).AsInt32().NotNullable()
            .WithColumn(nameof(LotExpiry.ExpiryEntryId)).AsInt32().Nullable();
    }
}
