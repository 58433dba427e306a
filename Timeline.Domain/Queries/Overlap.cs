using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
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
    /// How many events of <see cref="Edges"/> a filter of kinds and statuses has (lists as <see cref="AggregateCounts.Lists"/>
    /// gives them), from one SQL text whatever the filter: EF compiled each kind, status and order of the LINQ union afresh,
    /// 50–150 ms the first time each combination was asked for after a start (see <see cref="EdgeRows"/>).
    /// </summary>
    internal static async Task<int> EdgeCountAsync(TimelineDbContext db, int a, int b, object kinds, object statuses, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<int>(EdgeCount, EdgeArguments(a, b, kinds, statuses, 0)).ToListAsync(ct))[0];

    /// <summary>The edges per kind (as <see cref="EdgeCountAsync"/>).</summary>
    internal static Task<List<AggregateCounts.KeyCount>> EdgeKindsAsync(TimelineDbContext db, int a, int b, object kinds, object statuses,
        CancellationToken ct) =>
        db.Database.SqlQueryRaw<AggregateCounts.KeyCount>(EdgeKinds, EdgeArguments(a, b, kinds, statuses, 0)).ToListAsync(ct);

    /// <summary>The sort days of the edges (as <see cref="EdgeCountAsync"/>).</summary>
    internal static Task<List<int>> EdgeDaysAsync(TimelineDbContext db, int a, int b, object kinds, object statuses, CancellationToken ct) =>
        db.Database.SqlQueryRaw<int>(EdgeDays, EdgeArguments(a, b, kinds, statuses, 0)).ToListAsync(ct);

    /// <summary>
    /// The first <paramref name="n"/> edges in the order of <paramref name="sort"/> (as <see cref="EdgeCountAsync"/>), sorted
    /// and cut in SQL: one text per order, eight in all. A title order fetches each edge's row for its title.
    /// </summary>
    internal static async Task<List<SortKey>> EdgeKeysAsync(TimelineDbContext db, int a, int b, object kinds, object statuses,
        EventSort sort, int n, CancellationToken ct)
    {
        var sql = sort switch
        {
            EventSort.DateDescending => Keys + " ORDER BY 2 DESC, 1 DESC LIMIT {5}",
            EventSort.Title => TitledKeys + " ORDER BY 5, 2, 1 LIMIT {5}",
            EventSort.TitleDescending => TitledKeys + " ORDER BY 5 DESC, 2 DESC, 1 DESC LIMIT {5}",
            EventSort.Kind => Keys + " ORDER BY 3, 2, 1 LIMIT {5}",
            EventSort.KindDescending => Keys + " ORDER BY 3 DESC, 2 DESC, 1 DESC LIMIT {5}",
            EventSort.Status => Keys + " ORDER BY 4, 2, 1 LIMIT {5}",
            EventSort.StatusDescending => Keys + " ORDER BY 4 DESC, 2 DESC, 1 DESC LIMIT {5}",
            _ => Keys + " ORDER BY 2, 1 LIMIT {5}",
        };
        var rows = await db.Database.SqlQueryRaw<EdgeRow>(sql, EdgeArguments(a, b, kinds, statuses, n)).ToListAsync(ct);
        return rows.Select(r => new SortKey
        {
            Id = r.Id, SortDay = r.SortDay, Title = r.Title, Kind = Enum.Parse<EventKind>(r.Kind), Status = Enum.Parse<ClaimStatus>(r.ClaimStatus),
        }).ToList();
    }

    internal sealed record EdgeRow(int Id, int SortDay, string Kind, string ClaimStatus, string Title);

    // {0} a and {1} b (null at an open end: no arm, as in Edges), {2} kinds and {3} statuses (JSON lists, null for any),
    // {4} the span classes that can be edges, {5} how many rows.
    private static object[] EdgeArguments(int a, int b, object kinds, object statuses, int n) =>
        [a > Earliest ? a : DBNull.Value, b < Latest ? b : DBNull.Value, kinds, statuses, EdgeClasses, n];

    // Class 0 events last one day, so they are never edges.
    private static readonly string EdgeClasses = "[" + string.Join(",", Enumerable.Range(1, Event.MaxSpanClass)) + "]";

    /// <summary>
    /// <see cref="Edges"/> as one SQL text with the filters as parameters, so that EF compiles it once. Each side walks the
    /// span classes (json_each) and, for each, reads one range of the span-class index, as each LINQ arm does; CROSS JOIN
    /// keeps the classes outside (sqlite3 at 1M, 1918–1920: 1 ms a side, index only, the same 5,744 edges as the 44 arms).
    /// A test of an open end with no table in it is decided once, before the loop.
    /// </summary>
    private const string EdgeRows = """
        SELECT e."Id", e."SortDay", e."Kind", e."ClaimStatus"
        FROM json_each({4}) AS c CROSS JOIN "Events" AS e
        WHERE {0} IS NOT NULL AND e."SpanClass" = c.value AND NOT e."IsDeleted"
          AND e."EarliestDay" >= {0} - (1 << c.value) + 1 AND e."EarliestDay" < {0} AND e."SortDay" < {0} AND e."LatestDay" >= {0}
          AND ({2} IS NULL OR e."Kind" IN (SELECT value FROM json_each({2})))
          AND ({3} IS NULL OR e."ClaimStatus" IN (SELECT value FROM json_each({3})))
        UNION ALL
        SELECT e."Id", e."SortDay", e."Kind", e."ClaimStatus"
        FROM json_each({4}) AS c CROSS JOIN "Events" AS e
        WHERE {1} IS NOT NULL AND e."SpanClass" = c.value AND NOT e."IsDeleted"
          AND e."EarliestDay" >= {1} - (1 << c.value) + 1 AND e."EarliestDay" <= {1} AND e."SortDay" > {1}
          AND ({2} IS NULL OR e."Kind" IN (SELECT value FROM json_each({2})))
          AND ({3} IS NULL OR e."ClaimStatus" IN (SELECT value FROM json_each({3})))
        """;

    private const string EdgeCount = "SELECT COUNT(*) AS \"Value\" FROM (" + EdgeRows + ") AS x";
    private const string EdgeKinds = "SELECT \"Kind\", 0 AS \"Key\", COUNT(*) AS \"Count\" FROM (" + EdgeRows + ") AS x GROUP BY 1";
    private const string EdgeDays = "SELECT \"SortDay\" AS \"Value\" FROM (" + EdgeRows + ") AS x";
    private const string Keys = "SELECT \"Id\", \"SortDay\", \"Kind\", \"ClaimStatus\", '' AS \"Title\" FROM (" + EdgeRows + ") AS x";
    private const string TitledKeys = "SELECT x.\"Id\", x.\"SortDay\", x.\"Kind\", x.\"ClaimStatus\", t.\"SortTitle\" AS \"Title\" FROM ("
        + EdgeRows + ") AS x CROSS JOIN \"Events\" AS t ON t.\"Id\" = x.\"Id\"";

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
