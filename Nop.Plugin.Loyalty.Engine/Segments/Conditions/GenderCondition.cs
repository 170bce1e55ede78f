using System.Linq.Expressions;
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

    internal override string Describe(EnglishPhrases english) =>
        $"are {string.Join(" or ", Genders.Select(g => g switch { "M" => "male", "F" => "female", _ => $"gender {g}" }))}";

    internal override string Describe(JapanesePhrases japanese) =>
        $"性別が{string.Join(japanese.ListSeparator, Genders.Select(g => g switch { "M" => "男性", "F" => "女性", _ => g }))}";
}
