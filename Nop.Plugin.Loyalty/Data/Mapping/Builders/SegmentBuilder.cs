using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class SegmentBuilder : NopEntityBuilder<Segment>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(Segment.Name)).AsString(200).NotNullable()
            .WithColumn(nameof(Segment.Description)).AsString(1000).Nullable()
            .WithColumn(nameof(Segment.DefinitionJson)).AsString(int.MaxValue).NotNullable();
    }
}
