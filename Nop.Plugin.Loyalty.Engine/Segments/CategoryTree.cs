using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Listed categories with the categories below them (children, their children, ...), over the category table.</summary>
/// <remarks>
/// Like nopCommerce's catalog search with subcategories, a deleted category below the listed ones is left out, and so
/// is what hangs below it. A query over IQueryable cannot recurse, so the tree is unrolled <see cref="MaxDepth"/>
/// levels deep; a cycle in the parent links ends there too. Two shapes were measured on PostgreSQL and rejected:
/// every level as a correlated EXISTS is planned twice per level, level inside level (2^10 plans, 0.8 s of planning);
/// every level as an uncorrelated IN is estimated at half the category table, so the planner scans every purchase line
/// instead of reading the tree's products through the product index.
/// </remarks>
public static class CategoryTree
{
    /// <summary>How many levels below a listed category are included.</summary>
    public const int MaxDepth = 10;

    /// <summary>Mappings to a listed category (deleted or not) or to one of its subcategories, down to <see cref="MaxDepth"/> levels.</summary>
    /// <remarks>
    /// The mapping's own category is one correlated EXISTS (two plans, once); the levels above it are uncorrelated IN
    /// lists, each evaluated once per query.
    /// </remarks>
    public static Expression<Func<ProductCategoryRow, bool>> Covers(IQueryable<CategoryRow> categories, int[] ids)
    {
        var parents = WithSubcategories(categories, ids, MaxDepth - 1);
        return m => ids.Contains(m.CategoryId)
            || categories.Any(c => c.Id == m.CategoryId && !c.Deleted && parents.Contains(c.ParentCategoryId));
    }

    // Level k holds the listed categories and the live children of level k - 1.
    private static IQueryable<int> WithSubcategories(IQueryable<CategoryRow> categories, int[] ids, int depth)
    {
        var tree = categories.Where(c => ids.Contains(c.Id) || (!c.Deleted && ids.Contains(c.ParentCategoryId))).Select(c => c.Id);
        for (var level = 2; level <= depth; level++)
        {
            var above = tree;
            tree = categories.Where(c => ids.Contains(c.Id) || (!c.Deleted && above.Contains(c.ParentCategoryId))).Select(c => c.Id);
        }
        return tree;
    }
}
