using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>What an order amount condition measures.</summary>
public enum AmountBasis
{
    /// <summary>The sum of the order totals in the window (zero without orders).</summary>
    Total,
    /// <summary>Any single order in the window.</summary>
    AnySingleOrder
}

/// <summary>Customers whose order totals (summed, or any one order) in the window lie in <paramref name="Amount"/>.</summary>
public sealed record OrderAmountCondition(AmountBasis Basis, DecimalRange Amount, DateWindow? Window = null) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        compilation.Orders.Amount(this, compilation.Conjunct);

    internal override void Validate(SegmentChecks checks, string path)
    {
        checks.Amount(Amount, $"{path}.amount");
        checks.Window(Window, $"{path}.window", required: false);
    }

    internal override Phrase Describe() => SegmentPhrases.Within(
        new Phrase(Basis == AmountBasis.Total ? PhraseKeys.OrderAmountTotal : PhraseKeys.OrderAmountAnySingleOrder, SegmentPhrases.Range(Amount)),
        Window);
}
