using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;

namespace Timeline.Domain.Queries;

/// <summary>
/// Reads persons' live events from their rows (<c>PersonEvents</c>, kept by <see cref="PersonEventCounts"/>): the days,
/// span class, kind and status of each, keyed by person and sort day. A common surname's namesakes (730 persons and
/// 5,991 events for "Bukharin" at a million) are read here in 2-6 ms, where their events fetched one by one from
/// <c>Events</c> took 30-60 ms for each of a window's reads (edges, placeable events, total).
/// </summary>
internal static class PersonRows
{
    /// <summary>
    /// Beyond this many events (the persons' stored counts summed), a name's window keeps the plain reads: the commonest
    /// surnames at a million have 4,000-6,500, and every row is held in memory.
    /// </summary>
    public const int HeldAtMost = 20_000;

    public sealed record Row(int PersonId, int EventId, int SortDay, int EarliestDay, int LatestDay);

    /// <summary>Whether the persons' events are few enough to be held (<see cref="HeldAtMost"/>).</summary>
    public static async Task<bool> FewAsync(TimelineDbContext db, List<int> persons, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>("""
            SELECT COALESCE(SUM("EventCount"), 0) AS "Value" FROM "Persons" WHERE "Id" IN (SELECT value FROM json_each({0}))
            """, JsonSerializer.Serialize(persons)).SingleAsync(ct) <= HeldAtMost;

    /// <summary>The persons' rows of events whose possible days reach into [a, b]: a person's rows are one key range.</summary>
    public static Task<List<Row>> ReachingAsync(TimelineDbContext db, List<int> persons, int a, int b, CancellationToken ct) =>
        db.Database.SqlQueryRaw<Row>("""
            SELECT "PersonId", "EventId", "SortDay", "EarliestDay", "LatestDay" FROM "PersonEvents"
            WHERE "PersonId" IN (SELECT value FROM json_each({0})) AND "EarliestDay" <= {2} AND "LatestDay" >= {1}
            """, JsonSerializer.Serialize(persons), a, b).ToListAsync(ct);

    /// <summary>The persons' rows of events sorted in [a, b]: a range of each person's key.</summary>
    public static Task<List<Row>> DatedAsync(TimelineDbContext db, List<int> persons, int a, int b, CancellationToken ct) =>
        db.Database.SqlQueryRaw<Row>("""
            SELECT "PersonId", "EventId", "SortDay", "EarliestDay", "LatestDay" FROM "PersonEvents"
            WHERE "PersonId" IN (SELECT value FROM json_each({0})) AND "SortDay" BETWEEN {1} AND {2}
            """, JsonSerializer.Serialize(persons), a, b).ToListAsync(ct);
}
