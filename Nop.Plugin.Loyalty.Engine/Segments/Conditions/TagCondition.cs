using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers holding any of the listed member tags ("lacks tag" is this condition under Not).</summary>
/// <remarks>A tag's members are its customer role's mapping; without the tags' source the condition selects nobody.</remarks>
public sealed record TagCondition(IReadOnlyList<int> TagIds) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation)
    {
        if (compilation.Sources.Tags is not { } tags || TagIds is null || TagIds.Count == 0)
            return Predicates.False;
        var tagIds = TagIds.Distinct().ToArray();
        var roleIds = tags.Where(t => tagIds.Contains(t.Id)).Select(t => t.CustomerRoleId);
        var roles = compilation.Sources.CustomerRoles;
        return c => roles.Any(r => r.CustomerId == c.Id && roleIds.Contains(r.CustomerRoleId));
    }

    internal override void Validate(SegmentChecks checks, string path) =>
        checks.Ids(TagIds, $"{path}.tagIds", SegmentEntity.Tag);

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() => (TagIds ?? []).Select(id => (SegmentEntity.Tag, id));

    internal override Phrase Describe() => new(PhraseKeys.Tag, SegmentPhrases.Names(SegmentEntity.Tag, TagIds));
}
