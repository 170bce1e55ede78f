using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

public class MemberTagRunBuilder : NopEntityBuilder<MemberTagRun>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(MemberTagRun.TagId)).AsInt32().NotNullable().Indexed()
            .WithColumn(nameof(MemberTagRun.SelectionJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(MemberTagRun.EvaluatedAtUtc)).AsDateTime2().Nullable()
            .WithColumn(nameof(MemberTagRun.LastError)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(MemberTagRun.StartedOnUtc)).AsDateTime2().Nullable()
            .WithColumn(nameof(MemberTagRun.CompletedOnUtc)).AsDateTime2().Nullable();
    }
}
