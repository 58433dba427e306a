using System.Linq.Expressions;
using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

/// <summary>
/// "Events whose possible days reach into [a, b]" as SQL that reads index ranges only. A plain
/// <c>EarliestDay &lt;= b AND LatestDay &gt;= a</c> scans every event that began before b. Split by span
/// class instead: an event of class c lasts under 2^c days, so if it reaches a it began after a − 2^c, and
/// each class needs only the range EarliestDay ∈ (a − 2^c, b] of the (SpanClass, EarliestDay, LatestDay) index.
/// </summary>
public static class Overlap
{
    public static IQueryable<Event> Within(IQueryable<Event> events, int a, int b) => events.Where(Predicate(a, b));

    /// <summary>
    /// The overlapping events whose sort day lies outside [a, b]: those sorted before a that last into it,
    /// and those that may begin by b but sort after it. Together with the per-day counts of [a, b] they give
    /// exact overlap counts; both parts are short index ranges per span class.
    /// </summary>
    public static IQueryable<Event> Edges(IQueryable<Event> events, int a, int b)
    {
        var e = Expression.Parameter(typeof(Event), "e");
        var spanClass = Expression.Property(e, nameof(Event.SpanClass));
        var earliest = Expression.Property(e, nameof(Event.EarliestDay));
        var latest = Expression.Property(e, nameof(Event.LatestDay));
        var sort = Expression.Property(e, nameof(Event.SortDay));
        Expression? any = null;
        for (var c = 0; c <= Event.MaxSpanClass; c++)
        {
            var isClass = Expression.Equal(spanClass, Expression.Constant(c));
            var before = Expression.AndAlso(isClass, Expression.AndAlso(
                Between(earliest, Low(a, c), a - 1),
                Expression.AndAlso(Expression.LessThan(sort, Expression.Constant(a)), Expression.GreaterThanOrEqual(latest, Expression.Constant(a)))));
            var after = Expression.AndAlso(isClass, Expression.AndAlso(
                Between(earliest, Low(b, c), b),
                Expression.GreaterThan(sort, Expression.Constant(b))));
            var term = Expression.OrElse(before, after);
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return events.Where(Expression.Lambda<Func<Event, bool>>(any!, e));
    }

    private static int Low(int day, int spanClass) => (int)Math.Max((long)day - (1L << spanClass) + 1, int.MinValue);

    private static BinaryExpression Between(Expression value, int low, int high) =>
        Expression.AndAlso(Expression.GreaterThanOrEqual(value, Expression.Constant(low)), Expression.LessThanOrEqual(value, Expression.Constant(high)));

    public static Expression<Func<Event, bool>> Predicate(int a, int b)
    {
        var e = Expression.Parameter(typeof(Event), "e");
        var spanClass = Expression.Property(e, nameof(Event.SpanClass));
        var earliest = Expression.Property(e, nameof(Event.EarliestDay));
        var latest = Expression.Property(e, nameof(Event.LatestDay));
        Expression? any = null;
        for (var c = 0; c <= Event.MaxSpanClass; c++)
        {
            var low = (long)a - (1L << c) + 1;
            var term = Expression.AndAlso(
                Expression.Equal(spanClass, Expression.Constant(c)),
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(earliest, Expression.Constant((int)Math.Max(low, int.MinValue))),
                    Expression.LessThanOrEqual(earliest, Expression.Constant(b))));
            any = any is null ? term : Expression.OrElse(any, term);
        }
        var body = Expression.AndAlso(any!, Expression.GreaterThanOrEqual(latest, Expression.Constant(a)));
        return Expression.Lambda<Func<Event, bool>>(body, e);
    }
}
