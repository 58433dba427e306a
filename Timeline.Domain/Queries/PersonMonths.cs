using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

/// <summary>
/// Reads each person's live events per sort month and span class (<c>PersonMonthCounts</c>, kept by
/// <see cref="PersonEventCounts"/>): what the counts tables are to kinds, for filters made only of persons. A person's
/// bars over decades are a sum of a few hundred rows, where reading the person's events took 570–625 ms for the
/// busiest (83,442 events at a million).
/// </summary>
internal static class PersonMonths
{
    /// <summary>The counts know persons and dates only: the filter must name persons and nothing else.</summary>
    public static bool CanAnswer(EventFilter f) => f.HasPersons && f with { PersonNames = [], PersonIds = [] } is { IsEmpty: true };

    public sealed record KeyCount(int PersonId, int Key, int Count);

    /// <summary>
    /// A lower bound of the person's events that a window [a, b] can place (spans of at most <paramref name="maxSpan"/>
    /// days reaching into it): those sorted in the months lying wholly inside [a, b] (an event's sort day lies within its
    /// possible days, so it reaches in) whose span class holds no span wider than <paramref name="maxSpan"/>.
    /// </summary>
    public static async Task<int> PlaceableAtLeastAsync(TimelineDbContext db, int person, int a, int b, int maxSpan, CancellationToken ct)
    {
        var first = DateOnly.FromDayNumber(a);
        var last = DateOnly.FromDayNumber(b);
        var mFrom = Event.MonthIndex(first) + (first.Day == 1 ? 0 : 1);
        var mTo = Event.MonthIndex(last) - (last.Day == DateTime.DaysInMonth(last.Year, last.Month) ? 0 : 1);
        // Class c holds the spans under 2^c days; every one of them fits when 2^c − 1 ≤ maxSpan.
        var classes = 0;
        while (classes < Event.MaxSpanClass && (1L << (classes + 1)) - 1 <= maxSpan) classes++;
        if (mFrom > mTo) return 0;
        return await db.Database.SqlQueryRaw<int>("""
            SELECT COALESCE(SUM("Count"), 0) AS "Value" FROM "PersonMonthCounts"
            WHERE "PersonId" = {0} AND "Month" BETWEEN {1} AND {2} AND "SpanClass" <= {3}
            """, person, mFrom, mTo, classes).SingleAsync(ct);
    }

    /// <summary>Events per person and bucket of a month or wider over the months [a, b] touches.</summary>
    public static async Task<List<KeyCount>> BucketsAsync(TimelineDbContext db, IReadOnlyList<int> persons, int a, int b, BucketUnit unit,
        CancellationToken ct)
    {
        var months = unit switch { BucketUnit.Month => 1, BucketUnit.Quarter => 3, BucketUnit.Year => 12, _ => 120 };
        return await db.Database.SqlQueryRaw<KeyCount>("""
            SELECT "PersonId", "Month" / {3} AS "Key", SUM("Count") AS "Count" FROM "PersonMonthCounts"
            WHERE "PersonId" IN (SELECT value FROM json_each({0})) AND "Month" BETWEEN {1} AND {2}
            GROUP BY 1, 2
            """, JsonSerializer.Serialize(persons), Event.MonthIndex(DateOnly.FromDayNumber(a)), Event.MonthIndex(DateOnly.FromDayNumber(b)), months)
            .ToListAsync(ct);
    }
}
