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
    /// and those that may begin by b but sort after it. Together with the events sorted inside [a, b] they are
    /// exactly the overlapping ones. One UNION ALL arm per span class and side, each a single range of the
    /// (SpanClass, EarliestDay, LatestDay, SortDay) index that answers every test without reading the table;
    /// an OR of the same terms would make SQLite fetch each candidate row. (A loosely dated event, "1937",
    /// reaches into every day of its year, so a narrow window can have thousands of edges.)
    /// </summary>
    public static IQueryable<T> Edges<T>(IQueryable<Event> events, int a, int b, Expression<Func<Event, T>> select)
    {
        IQueryable<T>? all = null;
        // Class 0 events last one day (earliest = sort = latest), so they are never edges.
        for (var c = 1; c <= Event.MaxSpanClass; c++)
        {
            int spanClass = c, fromA = Low(a, c), fromB = Low(b, c);
            // Each arm projects before the union, so that an index-only projection stays index-only. An open
            // end (the first or last day of the calendar) has nothing beyond it, and no arm: scanning for
            // "sorted after the end of time" would read the whole index.
            if (a > Earliest)
                all = Union(all, events.Where(e => e.SpanClass == spanClass && !e.IsDeleted && e.EarliestDay >= fromA && e.EarliestDay < a
                    && e.SortDay < a && e.LatestDay >= a).Select(select));
            if (b < Latest)
                all = Union(all, events.Where(e => e.SpanClass == spanClass && !e.IsDeleted && e.EarliestDay >= fromB && e.EarliestDay <= b
                    && e.SortDay > b).Select(select));
        }
        return all ?? events.Where(_ => false).Select(select);
    }

    /// <summary>
    /// The events reaching into [a, b] whose span (LatestDay − EarliestDay) is at most <paramref name="maxSpan"/> days
    /// (<paramref name="wider"/> false: those the timeline can place inside a window that wide), or more than it (true:
    /// those dated too loosely to place, "1937" in a week). One UNION ALL arm per span class that can hold such spans,
    /// each a single range of the span-class index (see the class summary); only the class that straddles
    /// <paramref name="maxSpan"/> tests the span itself. Unordered, so that a Take ends the read early.
    /// </summary>
    public static IQueryable<T> Spanning<T>(IQueryable<Event> events, int a, int b, int maxSpan, bool wider,
        Expression<Func<Event, T>> select)
    {
        IQueryable<T>? all = null;
        for (var c = 0; c <= Event.MaxSpanClass; c++)
        {
            // Class c holds the spans of c bits: [2^(c−1), 2^c − 1], and class 0 the single days.
            long least = c == 0 ? 0 : 1L << (c - 1), most = (1L << c) - 1;
            if (wider ? most <= maxSpan : least > maxSpan) continue;
            int spanClass = c, low = Low(a, c), span = maxSpan;
            var arm = events.Where(e => e.SpanClass == spanClass && !e.IsDeleted && e.EarliestDay >= low && e.EarliestDay <= b && e.LatestDay >= a);
            if (wider && least <= maxSpan) arm = arm.Where(e => e.LatestDay - e.EarliestDay > span);
            if (!wider && most > maxSpan) arm = arm.Where(e => e.LatestDay - e.EarliestDay <= span);
            all = Union(all, arm.Select(select));
        }
        return all ?? events.Where(_ => false).Select(select);
    }

    /// <summary>
    /// The rows of a union of arms (<see cref="Edges"/>, <see cref="Spanning"/>) whose event is among <paramref name="among"/>
    /// (a person's events), tested once after the union. Inside each arm the subquery was a list built again for every
    /// arm: 44 lists of 30,072 events for one narrow window of a busy person (0.1 s of CPU, 0.5–0.9 s under load), one
    /// list here (SQLite pushes the test into the arms, but as one subquery).
    /// </summary>
    public static IQueryable<T> Among<T>(IQueryable<T> rows, IQueryable<int>? among, Expression<Func<T, int>> idOf)
    {
        if (among is null) return rows;
        var test = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], among.Expression, idOf.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(test, idOf.Parameters));
    }

    private static readonly int Earliest = DateOnly.MinValue.DayNumber;
    private static readonly int Latest = DateOnly.MaxValue.DayNumber;

    private static IQueryable<T> Union<T>(IQueryable<T>? all, IQueryable<T> arm) => all is null ? arm : all.Concat(arm);

    private static int Low(int day, int spanClass) => (int)Math.Max((long)day - (1L << spanClass) + 1, int.MinValue);

    public static Expression<Func<Event, bool>> Predicate(int a, int b)
    {
        var e = Expression.Parameter(typeof(Event), "e");
        var spanClass = Expression.Property(e, nameof(Event.SpanClass));
        var earliest = Expression.Property(e, nameof(Event.EarliestDay));
        var latest = Expression.Property(e, nameof(Event.LatestDay));
        var deleted = Expression.Property(e, nameof(Event.IsDeleted));
        Expression? any = null;
        for (var c = 0; c <= Event.MaxSpanClass; c++)
        {
            var low = (long)a - (1L << c) + 1;
            // The live test inside each term lets SQLite use the partial (live-only) index for every OR branch.
            var term = Expression.AndAlso(
                Expression.AndAlso(Expression.Equal(spanClass, Expression.Constant(c)), Expression.Not(deleted)),
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(earliest, Expression.Constant((int)Math.Max(low, int.MinValue))),
                    Expression.LessThanOrEqual(earliest, Expression.Constant(b))));
            any = any is null ? term : Expression.OrElse(any, term);
        }
        var body = Expression.AndAlso(any!, Expression.GreaterThanOrEqual(latest, Expression.Constant(a)));
        return Expression.Lambda<Func<Event, bool>>(body, e);
    }
}
