using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class MemberTagGroupBuilder : NopEntityBuilder<MemberTagGroup>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table.WithColumn(nameof(MemberTagGroup.Name)).AsString(200).NotNullable();
    }
}
