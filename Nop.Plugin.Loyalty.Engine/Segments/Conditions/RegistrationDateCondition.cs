using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose account was created (CreatedOnUtc) in the window.</summary>
public sealed record RegistrationDateCondition(DateWindow Window) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        CustomerConditions.Registered(Window.Resolve(compilation.Context));

    internal override void Validate(SegmentChecks checks, string path) => checks.Window(Window, $"{path}.window", required: true);

    internal override Phrase Describe() => new(PhraseKeys.RegistrationDate, SegmentPhrases.Window(Window));
}
