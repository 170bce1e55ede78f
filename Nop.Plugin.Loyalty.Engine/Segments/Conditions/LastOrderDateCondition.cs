using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>Customers whose latest counted order falls in the window (only To = before, only From = after); never customers without orders.</summary>
public sealed record LastOrderDateCondition(DateWindow Window) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) => compilation.Orders.LastOrderDate(this);

    internal override void Validate(SegmentChecks checks, string path) => checks.Window(Window, $"{path}.window", required: true);

    internal override Phrase Describe() => new(PhraseKeys.LastOrderDate, SegmentPhrases.Window(Window));
}
