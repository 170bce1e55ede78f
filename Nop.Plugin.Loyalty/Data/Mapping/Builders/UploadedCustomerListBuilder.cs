using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class UploadedCustomerListBuilder : NopEntityBuilder<UploadedCustomerList>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(UploadedCustomerList.Token)).AsGuid().NotNullable().Unique()
            .WithColumn(nameof(UploadedCustomerList.SourceName)).AsString(400).Nullable()
            .WithColumn(nameof(UploadedCustomerList.EncodingName)).AsString(50).Nullable()
            .WithColumn(nameof(UploadedCustomerList.Text)).AsString(int.MaxValue).NotNullable();
    }
}
