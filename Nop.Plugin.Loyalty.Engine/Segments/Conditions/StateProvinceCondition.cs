using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose StateProvinceId is one of the listed states or provinces.</summary>
public sealed record StateProvinceCondition(IReadOnlyList<int> StateProvinceIds) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.In(StateProvinceIds, ids => x => ids.Contains(x.StateProvinceId));

    public override IReadOnlyList<CustomerField> CustomerFields() => [CustomerField.StateProvince];

    internal override void Validate(SegmentChecks checks, string path) =>
        checks.Ids(StateProvinceIds, $"{path}.stateProvinceIds", SegmentEntity.StateProvince);

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() => (StateProvinceIds ?? []).Select(id => (SegmentEntity.StateProvince, id));

    internal override Phrase Describe() => new(PhraseKeys.StateProvince, SegmentPhrases.Names(SegmentEntity.StateProvince, StateProvinceIds));
}
