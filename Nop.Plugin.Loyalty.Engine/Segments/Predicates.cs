using System.Linq.Expressions;
using Nop.Plugin.Loyalty.Engine.Store;

namespace Nop.Plugin.Loyalty.Engine.Segments;

/// <summary>Combines customer predicates into one expression tree, which linq2db turns into one SQL statement.</summary>
internal static class Predicates
{
    private static readonly ParameterExpression Customer = Expression.Parameter(typeof(CustomerRow), "c");

    public static readonly Expression<Func<CustomerRow, bool>> True = c => true;
    public static readonly Expression<Func<CustomerRow, bool>> False = c => false;

    public static bool IsTrue(Expression<Func<CustomerRow, bool>> p) => ReferenceEquals(p, True);
    public static bool IsFalse(Expression<Func<CustomerRow, bool>> p) => ReferenceEquals(p, False);

    // Constants are folded here so that empty groups and trivial ranges leave no "1 = 1" noise in the SQL.
    public static Expression<Func<CustomerRow, bool>> And(Expression<Func<CustomerRow, bool>> a, Expression<Func<CustomerRow, bool>> b)
    {
        if (IsFalse(a) || IsFalse(b)) return False;
        if (IsTrue(a)) return b;
        if (IsTrue(b)) return a;
        return Expression.Lambda<Func<CustomerRow, bool>>(Expression.AndAlso(Body(a), Body(b)), Customer);
    }

    public static Expression<Func<CustomerRow, bool>> Or(Expression<Func<CustomerRow, bool>> a, Expression<Func<CustomerRow, bool>> b)
    {
        if (IsTrue(a) || IsTrue(b)) return True;
        if (IsFalse(a)) return b;
        if (IsFalse(b)) return a;
        return Expression.Lambda<Func<CustomerRow, bool>>(Expression.OrElse(Body(a), Body(b)), Customer);
    }

    public static Expression<Func<CustomerRow, bool>> Not(Expression<Func<CustomerRow, bool>> a)
    {
        if (IsTrue(a)) return False;
        if (IsFalse(a)) return True;
        return Expression.Lambda<Func<CustomerRow, bool>>(Expression.Not(Body(a)), Customer);
    }

    private static Expression Body(Expression<Func<CustomerRow, bool>> p) =>
        p.Parameters[0] == Customer ? p.Body : new Rebinder(p.Parameters[0], Customer).Visit(p.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
