using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Listed categories with the categories below them (children, their children, ...), over the category table.</summary>
/// <remarks>
/// Like nopCommerce's catalog search with subcategories, a deleted category below the listed ones is left out, and so
/// is what hangs below it; the tree goes <see cref="MaxDepth"/> levels deep, and a cycle in the parent links ends there.
/// The tree is read first (the live categories' parent links, one small query) and handed to the segment's query as
/// constant ids. Shapes that left the tree to the database were measured on PostgreSQL and rejected: a correlated
/// EXISTS per level is planned twice per level (2^10 plans, 0.8 s of planning); uncorrelated IN levels are estimated at
/// half the category table, so the planner scans every purchase line (3.5x a hand-written query with the tree as a
/// recursive CTE).
/// </remarks>
public static class CategoryTree
{
    /// <summary>How many levels below a listed category are included.</summary>
    public const int MaxDepth = 10;

    /// <summary>Mappings to a listed category (deleted or not) or to one of its subcategories, down to <see cref="MaxDepth"/> levels.</summary>
    public static Expression<Func<ProductCategoryRow, bool>> Covers(IQueryable<CategoryRow> categories, int[] ids)
    {
        var tree = WithSubcategories(categories, ids);
        return m => tree.Contains(m.CategoryId);
    }

    /// <summary>The listed ids and their live descendants, breadth first, at most <see cref="MaxDepth"/> generations down.</summary>
    private static int[] WithSubcategories(IQueryable<CategoryRow> categories, int[] ids)
    {
        var children = categories.Where(c => !c.Deleted)
            .Select(c => new { c.Id, c.ParentCategoryId })
            .AsEnumerable()
            .ToLookup(c => c.ParentCategoryId, c => c.Id);
        var tree = new HashSet<int>(ids);
        var level = ids.Distinct().ToList();
        for (var depth = 1; depth <= MaxDepth && level.Count > 0; depth++)
            level = level.SelectMany(id => children[id]).Where(tree.Add).ToList();
        return tree.Order().ToArray();
    }
}
