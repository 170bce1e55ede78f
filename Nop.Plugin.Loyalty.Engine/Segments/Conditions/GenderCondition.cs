using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose Gender is one of the listed values (nopCommerce stores "M" and "F").</summary>
public sealed record GenderCondition(IReadOnlyList<string> Genders) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) => CustomerConditions.Gender(Genders);

    public override IReadOnlyList<CustomerField> CustomerFields() => [CustomerField.Gender];

    internal override void Validate(SegmentChecks checks, string path)
    {
        if (Genders.Count == 0)
            checks.Add(new($"{path}.genders", ResourceKeys.SegmentListEmpty));
        foreach (var gender in Genders.Where(x => string.IsNullOrWhiteSpace(x) || x.Length > SegmentValidator.MaxGenderLength))
            checks.Add(new($"{path}.genders", ResourceKeys.SegmentGenderInvalid, gender ?? ""));
    }

    internal override bool HasNoNullElements => Genders.All(x => x is not null);

    internal override Phrase Describe() => new(PhraseKeys.Gender, new PhraseList(PhraseKeys.JoinOr, Genders.Select(g => (PhraseValue)(g switch
    {
        "M" => new Phrase(PhraseKeys.GenderMale),
        "F" => new Phrase(PhraseKeys.GenderFemale),
        _ => new Phrase(PhraseKeys.GenderOther, new PhraseText(g))
    })).ToList()));
}
