using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Every registered customer.</summary>
public sealed record AllRegisteredCondition : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) => Predicates.True;

    internal override Phrase Describe() => new(PhraseKeys.Registered);
}
