using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose CountryId is one of the listed countries.</summary>
public sealed record CountryCondition(IReadOnlyList<int> CountryIds) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.In(CountryIds, ids => x => ids.Contains(x.CountryId));

    public override IReadOnlyList<CustomerField> CustomerFields() => [CustomerField.Country];

    internal override void Validate(SegmentChecks checks, string path) =>
        checks.Ids(CountryIds, $"{path}.countryIds", SegmentEntity.Country);

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() => (CountryIds ?? []).Select(id => (SegmentEntity.Country, id));

    internal override Phrase Describe() => new(PhraseKeys.Country, SegmentPhrases.Names(SegmentEntity.Country, CountryIds));
}
