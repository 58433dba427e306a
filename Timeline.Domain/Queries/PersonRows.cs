using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

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

    /// <summary>
    /// Whether the rows answer a filter's matches: persons with kinds, statuses or years besides, and nothing else (the
    /// rows carry those; a text or a source they do not, and persons alone have their stored counts).
    /// </summary>
    public static bool CanAnswer(EventFilter f)
    {
        var rest = f with { PersonNames = [], PersonIds = [] };
        return f.HasPersons && !rest.IsEmpty && rest with { Kinds = [], Statuses = [], FromYear = null, ToYear = null } is { IsEmpty: true };
    }

    /// <summary>
    /// The ids of the persons' live events that match the filter's kinds, statuses and years (possible days reaching into
    /// them), from the persons' key ranges alone: person 93404's 347 disputed meetings among their 30,072 events in 3 ms at a
    /// million, where the plain count tested each of the disputed meetings against the person's events.
    /// </summary>
    public static IQueryable<int> Matching(TimelineDbContext db, List<int> persons, EventFilter filter)
    {
        var (a, b) = EventQueries.YearDays(filter);
        return db.Database.SqlQueryRaw<int>("""
            SELECT DISTINCT "EventId" AS "Value" FROM "PersonEvents"
            WHERE "PersonId" IN (SELECT value FROM json_each({0}))
              AND ({1} = '[]' OR "Kind" IN (SELECT value FROM json_each({1})))
              AND ({2} = '[]' OR "ClaimStatus" IN (SELECT value FROM json_each({2})))
              AND "EarliestDay" <= {4} AND "LatestDay" >= {3}
            """, JsonSerializer.Serialize(persons), JsonSerializer.Serialize(filter.Kinds.Distinct().Select(k => k.ToString())),
            JsonSerializer.Serialize(filter.Statuses.Distinct().Select(x => x.ToString())), a, b);
    }

    /// <summary>
    /// A page of the matches (<see cref="Matching"/>) and their total, when they are few enough to be fetched and sorted:
    /// when walking the sort's index would meet fewer entries (<see cref="EventQueries.WalkBeatsSort"/>), the ids are
    /// null and only the total is given. Fetched, the 347 sorted by title took 4 ms, and 3,572 16 ms.
    /// </summary>
    public static async Task<(int Total, List<int>? Ids)> PageAsync(TimelineDbContext db, List<int> persons, EventFilter filter,
        EventSort sort, int skip, int take, long all, CancellationToken ct)
    {
        var matching = Matching(db, persons, filter);
        var total = await matching.CountAsync(ct);
        if (EventQueries.WalkBeatsSort(skip + take, total, all)) return (total, null);
        var ids = await EventQueries.Sort(db.Events.AsNoTracking().Where(e => !e.IsDeleted && matching.Contains(e.Id)), sort)
            .Skip(skip).Take(take).Select(e => e.Id).ToListAsync(ct);
        return (total, ids);
    }
}
