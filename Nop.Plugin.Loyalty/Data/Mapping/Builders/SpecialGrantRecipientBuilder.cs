using FluentMigrator.Builders.Create.Table;
using Nop.Data.Extensions;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Loyalty.Domains;

namespace Nop.Plugin.Loyalty.Data.Mapping.Builders;

/// <remarks>
/// No foreign key on <see cref="SpecialGrantRecipient.LedgerEntryId"/>: purging deletes the lot entry and keeps the recipient row.
/// </remarks>
public class SpecialGrantRecipientBuilder : NopEntityBuilder<SpecialGrantRecipient>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table.WithColumn(nameof(SpecialGrantRecipient.GrantId)).AsInt32().ForeignKey<SpecialGrant>();
    }
}
