using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers who registered in one of the listed stores (RegisteredInStoreId).</summary>
public sealed record RegisteredStoreCondition(IReadOnlyList<int> StoreIds) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.In(StoreIds, ids => x => ids.Contains(x.RegisteredInStoreId));

    internal override void Validate(SegmentChecks checks, string path) =>
        checks.Ids(StoreIds, $"{path}.storeIds", SegmentEntity.Store);

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() => (StoreIds ?? []).Select(id => (SegmentEntity.Store, id));

    internal override Phrase Describe() => new(PhraseKeys.RegisteredStore, SegmentPhrases.Names(SegmentEntity.Store, StoreIds));
}
