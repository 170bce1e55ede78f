using System.Globalization;
using Nop.Plugin.Loyalty.Engine.Segments.Conditions;
using Nop.Plugin.Loyalty.Engine.Targeting;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Writes a definition as a sentence for the segment list, confirm screens and grant history.</summary>
/// <remarks>Names come from the catalog; an id it does not know is shown as "#id" so a deleted product still reads.</remarks>
public static class SegmentDescriber
{
    /// <summary>For example "Customers who ordered exactly once AND NOT ordered between 2025-11-23 and 2026-11-23".</summary>
    public static string Describe(SegmentDefinition definition, TargetLanguage language, ISegmentCatalog catalog)
    {
        var phrases = language == TargetLanguage.Japanese ? (SegmentPhrases)new JapanesePhrases(catalog) : new EnglishPhrases(catalog);
        var root = definition.Root;
        if (root is AllRegisteredCondition { Not: false } or SegmentGroup { Match: GroupMatch.All, Children.Count: 0, Not: false })
            return phrases.AllRegistered;
        var sentence = phrases.Sentence(phrases.Node(root, nested: false));
        return definition.OrderStatusIds is null && definition.OrderStoreIds is null
            ? sentence
            : phrases.CountingOrdersOf(sentence, definition.OrderStatusIds, definition.OrderStoreIds);
    }
}

/// <summary>The wording of one language; the tree walk is shared.</summary>
internal abstract class SegmentPhrases(ISegmentCatalog catalog)
{
    public abstract string AllRegistered { get; }
    public abstract string Sentence(string clause);
    protected abstract string And { get; }
    protected abstract string Or { get; }
    protected abstract string Negate(string clause);
    protected abstract string EmptyAll { get; }
    protected abstract string EmptyAny { get; }
    internal abstract string ListSeparator { get; }

    public string Node(SegmentNode node, bool nested)
    {
        var text = node switch
        {
            SegmentGroup g => Group(g, nested || node.Not),
            SegmentCondition c => Describe(c),
            _ => node.GetType().Name
        };
        return node.Not ? Negate(text) : text;
    }

    private string Group(SegmentGroup group, bool parenthesize)
    {
        if (group.Children.Count == 0)
            return group.Match == GroupMatch.All ? EmptyAll : EmptyAny;
        if (group.Children.Count == 1)
            return Node(group.Children[0], parenthesize);
        var joined = string.Join(group.Match == GroupMatch.All ? And : Or, group.Children.Select(c => Node(c, nested: true)));
        return parenthesize ? $"({joined})" : joined;
    }

    protected abstract string Describe(SegmentCondition condition);

    /// <summary>The sentence with a note of which orders count, when not the default (any status but Cancelled, any store).</summary>
    public abstract string CountingOrdersOf(string sentence, IReadOnlyList<int>? statusIds, IReadOnlyList<int>? storeIds);

    internal string Names(SegmentEntity kind, IEnumerable<int> ids) =>
        string.Join(ListSeparator, ids.Select(id => catalog.NameOf(kind, id) ?? $"#{id}"));

    internal string Name(SegmentEntity kind, int id) => catalog.NameOf(kind, id) ?? $"#{id}";

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
