using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments.Conditions;

/// <summary>What a purchase condition's ids name.</summary>
public enum PurchaseScope
{
    Products,
    Categories
}

/// <summary>Whether any or all of a list must match; any of an empty list is nobody, all of it is everybody.</summary>
public enum ListMatch
{
    Any,
    All
}

/// <summary>Customers who bought any (or all) of the listed products or categories in counted orders in the window.</summary>
/// <param name="IncludeSubcategories">
/// A listed category also stands for the categories below it (see <see cref="CategoryTree"/>); ignored for products.
/// The builder starts new conditions with it on; JSON saved before it existed reads as off, the meaning it was saved with.
/// </param>
public sealed record PurchasedCondition(PurchaseScope Scope, ListMatch Match, IReadOnlyList<int> Ids, DateWindow? Window = null,
    bool IncludeSubcategories = false) : SegmentCondition
{
    internal override Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation) => compilation.Orders.Purchased(this);

    internal override void Validate(SegmentChecks checks, string path)
    {
        checks.Ids(Ids, $"{path}.ids", SegmentChecks.ScopeEntity(Scope));
        checks.Window(Window, $"{path}.window", required: false);
    }

    public override IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() =>
        (Ids ?? []).Select(id => (SegmentChecks.ScopeEntity(Scope), id));

    internal override Phrase Describe() => SegmentPhrases.Within(
        new Phrase(Match == ListMatch.All ? PhraseKeys.PurchasedAll : PhraseKeys.PurchasedAny, SegmentPhrases.Scope(Scope, Ids, IncludeSubcategories)), Window);
}
