using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers in any of the listed customer roles.</summary>
public sealed record CustomerRoleCondition(IReadOnlyList<int> RoleIds) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.Roles(RoleIds, compilation.Sources.CustomerRoles);

    internal override void Validate(SegmentChecks checks, string path) =>
        checks.Ids(RoleIds, $"{path}.roleIds", SegmentEntity.CustomerRole);

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() => (RoleIds ?? []).Select(id => (SegmentEntity.CustomerRole, id));

    internal override Phrase Describe() => new(PhraseKeys.CustomerRole, SegmentPhrases.Names(SegmentEntity.CustomerRole, RoleIds));
}
