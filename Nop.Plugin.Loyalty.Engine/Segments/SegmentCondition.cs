using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>A condition of a segment definition; every kind is listed in <see cref="ConditionCatalog"/>.</summary>
/// <remarks>
/// A condition owns its rules (how it compiles, what makes it invalid, how it reads), so adding one touches its
/// class, its catalog entry and its resources, and no switch elsewhere.
/// </remarks>
public abstract record SegmentCondition : SegmentNode
{
    /// <summary>The customers the condition selects, before Not is applied.</summary>
    internal abstract Expression<Func<CustomerRow, bool>> Compile(ConditionCompilation compilation);

    /// <summary>Adds the condition's broken rules; fields are <paramref name="path"/> plus the property's JSON name.</summary>
    internal virtual void Validate(SegmentChecks checks, string path)
    {
    }

    /// <summary>The condition as a clause of the segment's description ("ordered exactly once").</summary>
    internal abstract Phrase Describe();

    /// <summary>The customer fields the condition reads, which a store may not collect (a method: JSON writes properties).</summary>
    public virtual IReadOnlyList<CustomerField> CustomerFields() => [];

    /// <summary>The store entities the condition names by id.</summary>
    public virtual IEnumerable<(SegmentEntity Kind, int Id)> MentionedIds() => [];

    // Nullable annotations are not enforced on collection elements, so a list of reference values is checked here.
    internal virtual bool HasNoNullElements => true;
}

/// <summary>What a condition compiles against: the store, the instant, the definition's counted orders.</summary>
/// <param name="Conjunct">
/// Reached from the root through All groups only, none negated: the database may treat the condition as a join
/// (see <see cref="OrderConditions"/>); under Any or Not it must stay a per-customer test.
/// </param>
internal sealed record ConditionCompilation(StoreSources Sources, SegmentContext Context, OrderConditions Orders, bool Conjunct);
