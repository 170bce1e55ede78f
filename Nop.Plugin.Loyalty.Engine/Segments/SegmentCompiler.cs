using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Turns a segment definition into one query of registered customer ids.</summary>
/// <remarks>
/// The whole tree becomes a single predicate over registered customers, built from EXISTS, IN and correlated
/// aggregate subqueries, so a preview or a grant is one SQL statement however many customers the store has.
/// Any definition compiles, valid or not; an invalid part selects nobody rather than throwing.
/// </remarks>
public static class SegmentCompiler
{
    /// <summary>The ids of the registered customers the definition selects, at the context's instant.</summary>
    public static IQueryable<int> Compile(SegmentDefinition definition, StoreSources sources, SegmentContext context) =>
        Customers(definition, sources, context).Select(c => c.Id);

    /// <summary>The registered customers the definition selects, for callers that need more than the id.</summary>
    public static IQueryable<CustomerRow> Customers(SegmentDefinition definition, StoreSources sources, SegmentContext context)
    {
        var predicate = Predicate(definition, sources, context);
        var registered = sources.RegisteredCustomers();
        return Predicates.IsTrue(predicate) ? registered : registered.Where(predicate);
    }

    internal static Expression<Func<CustomerRow, bool>> Predicate(SegmentDefinition definition, StoreSources sources, SegmentContext context)
    {
        var orders = new OrderConditions(sources, context, definition.OrderStatusIds, definition.OrderStoreIds);
        return Node(definition.Root, sources, context, orders, conjunct: true);
    }

    // A conjunct is reached from the root through All groups only, none negated: there the database may treat
    // the condition as a join (see OrderConditions); under Any or Not it must stay a per-customer test.
    private static Expression<Func<CustomerRow, bool>> Node(SegmentNode node, StoreSources sources, SegmentContext context,
        OrderConditions orders, bool conjunct)
    {
        conjunct &= !node.Not;
        var predicate = node switch
        {
            SegmentGroup g => Group(g, sources, context, orders, conjunct),
            SegmentCondition c => c.Compile(new ConditionCompilation(sources, context, orders, conjunct)),
            _ => throw new NotSupportedException($"Segment node {node.GetType().Name} is not supported.")
        };
        return node.Not ? Predicates.Not(predicate) : predicate;
    }

    private static Expression<Func<CustomerRow, bool>> Group(SegmentGroup group, StoreSources sources, SegmentContext context,
        OrderConditions orders, bool conjunct)
    {
        var all = group.Match == GroupMatch.All;
        var childConjunct = conjunct && (all || group.Children.Count == 1);
        var result = all ? Predicates.True : Predicates.False;
        foreach (var child in group.Children)
        {
            var p = Node(child, sources, context, orders, childConjunct);
            result = all ? Predicates.And(result, p) : Predicates.Or(result, p);
        }
        return result;
    }
}
