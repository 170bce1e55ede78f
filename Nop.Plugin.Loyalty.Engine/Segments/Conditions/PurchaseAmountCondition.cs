using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>
/// Customers whose spend on the listed products or categories in the window lies in <paramref name="Amount"/>:
/// the sum of PriceInclTax (the line total) of order lines whose product is listed or is in a listed category,
/// each line counted once, in counted orders (zero without such lines). With <paramref name="IncludeSubcategories"/>
/// a listed category also stands for the categories below it, as in <see cref="PurchasedCondition"/>.
/// </summary>
public sealed record PurchaseAmountCondition(PurchaseScope Scope, IReadOnlyList<int> Ids, DecimalRange Amount, DateWindow? Window = null,
    bool IncludeSubcategories = false) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) =>
        compilation.Orders.PurchaseAmount(this, compilation.Conjunct);

    internal override void Validate(SegmentChecks checks, string path)
    {
        checks.Ids(Ids, $"{path}.ids", SegmentChecks.ScopeEntity(Scope));
        checks.Amount(Amount, $"{path}.amount");
        checks.Window(Window, $"{path}.window", required: false);
    }

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() =>
        (Ids ?? []).Select(id => (SegmentChecks.ScopeEntity(Scope), id));

    internal override Phrase Describe() => SegmentPhrases.Within(
        new Phrase(PhraseKeys.PurchaseAmount, SegmentPhrases.Range(Amount), SegmentPhrases.Scope(Scope, Ids, IncludeSubcategories)), Window);
}
