using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class MemberTagBuilder : NopEntityBuilder<MemberTag>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(MemberTag.CustomerRoleId)).AsInt32().NotNullable().Unique()
            .WithColumn(nameof(MemberTag.GroupId)).AsInt32().Nullable()
            .WithColumn(nameof(MemberTag.RuleJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(MemberTag.SegmentId)).AsInt32().Nullable()
            .WithColumn(nameof(MemberTag.Color)).AsString(7).Nullable()
            .WithColumn(nameof(MemberTag.Description)).AsString(1000).Nullable()
            .WithColumn(nameof(MemberTag.LastRecomputedOnUtc)).AsDateTime2().Nullable();
    }
}
