using Nop.Plugin.Loyalty.Engine.Describing;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using static Nop.Plugin.Loyalty.Engine.Describing.PhraseKeys;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Describes a definition for the segment list, confirm screens and grant history, as a <see cref="Phrase"/>.</summary>
/// <remarks>Products, categories and the rest are named by id; the plugin looks their names up when it writes the phrase.</remarks>
public static class SegmentDescriber
{
    /// <summary>For example "Customers who ordered exactly once AND NOT ordered between 2025-11-23 and 2026-11-23".</summary>
    public static Phrase Describe(SegmentDefinition definition)
    {
        var root = definition.Root;
        if (root is AllRegisteredCondition { Not: false } or SegmentGroup { Match: GroupMatch.All, Children.Count: 0, Not: false })
            return new Phrase(AllRegistered);
        var sentence = new Phrase(Customers, Node(root, nested: false));
        return (definition.OrderStatusIds, definition.OrderStoreIds) switch
        {
            (null, null) => sentence,
            ({ } statuses, null) => new Phrase(CountingOrdersStatuses, sentence, Statuses(statuses)),
            (null, { } stores) => new Phrase(CountingOrdersStores, sentence, SegmentPhrases.Names(SegmentEntity.Store, stores)),
            ({ } statuses, { } stores) => new Phrase(CountingOrdersStatusesAndStores, sentence, Statuses(statuses),
                SegmentPhrases.Names(SegmentEntity.Store, stores))
        };
    }

    private static PhraseList Statuses(IEnumerable<int> ids) =>
        new(JoinOr, ids.Select(id => (PhraseValue)new PhraseOrderStatus(id)).ToList());

    private static PhraseValue Node(SegmentNode node, bool nested)
    {
        PhraseValue clause = node switch
        {
            SegmentGroup group => Group(group, nested || node.Not),
            SegmentCondition condition => condition.Describe(),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node, null)
        };
        return node.Not ? new Phrase(Not, clause) : clause;
    }

    private static PhraseValue Group(SegmentGroup group, bool parenthesize)
    {
        if (group.Children.Count == 0)
            return new Phrase(group.Match == GroupMatch.All ? Registered : NoCondition);
        if (group.Children.Count == 1)
            return Node(group.Children[0], parenthesize);
        var joined = new PhraseList(group.Match == GroupMatch.All ? JoinAll : JoinAny,
            group.Children.Select(child => (PhraseValue)Node(child, nested: true)).ToList());
        return parenthesize ? new Phrase(Parenthesized, joined) : joined;
    }
}
