using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>The categories below listed ones (children, their children, ...), as one subquery over the category table.</summary>
/// <remarks>
/// Like nopCommerce's catalog search with subcategories, deleted categories are left out, and so is what hangs below
/// them. A query over IQueryable cannot recurse, so each category looks up its parents, at most
/// <see cref="MaxDepth"/> levels: one nested EXISTS per level over the category table's primary key, evaluated once
/// per category rather than per customer or order line. A cycle in the parent links ends at that depth too.
/// </remarks>
public static class CategoryTree
{
    /// <summary>How many levels below a listed category are included.</summary>
    public const int MaxDepth = 10;

    /// <summary>The listed categories' subcategories, at any level up to <see cref="MaxDepth"/>, not the listed ones themselves.</summary>
    public static IQueryable<int> Below(IQueryable<CategoryRow> categories, int[] ids) =>
        categories.Where(HangsBelow(categories, ids, MaxDepth)).Select(c => c.Id);

    // A category hangs below a listed one within depth levels when it is not deleted and its parent is listed or,
    // depth permitting, itself hangs below a listed one within depth - 1 levels.
    private static Expression<Func<CategoryRow, bool>> HangsBelow(IQueryable<CategoryRow> categories, int[] ids, int depth)
    {
        if (depth == 1)
            return c => !c.Deleted && ids.Contains(c.ParentCategoryId);
        Expression<Func<CategoryRow, bool>> level = c => !c.Deleted
            && (ids.Contains(c.ParentCategoryId) || categories.Any(p => p.Id == c.ParentCategoryId && Above(p)));
        return (Expression<Func<CategoryRow, bool>>)new Inline(HangsBelow(categories, ids, depth - 1)).Visit(level);
    }

    /// <summary>Stands for the level above in a level's expression; <see cref="Inline"/> replaces it.</summary>
    private static bool Above(CategoryRow parent) => throw new NotSupportedException();

    private sealed class Inline(Expression<Func<CategoryRow, bool>> above) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(Above) && node.Method.DeclaringType == typeof(CategoryTree)
                ? new Rebind(above.Parameters[0], node.Arguments[0]).Visit(above.Body)
                : base.VisitMethodCall(node);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
