using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class SpecialGrantBuilder : NopEntityBuilder<SpecialGrant>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(SpecialGrant.Name)).AsString(200).NotNullable()
            .WithColumn(nameof(SpecialGrant.TargetJson)).AsString(int.MaxValue).NotNullable()
            .WithColumn(nameof(SpecialGrant.TargetDescription)).AsString(1000).Nullable()
            .WithColumn(nameof(SpecialGrant.LastError)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(SpecialGrant.Runner)).AsString(100).Nullable();
    }
}
