using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data;

/// <summary>
/// Each person's number of live events (<see cref="Person.EventCount"/>, migration PersonEventCounts) and the same per
/// sort month and span class (table <c>PersonMonthCounts</c>, migration PersonMonthCounts). Derived data, recounted for
/// the persons a save touches and after imports, so that the person picker ranks persons by a column it can read in
/// order and stop early, instead of counting the participations of every candidate (0.3–0.45 s for a common prefix at
/// a million events), a person filter's total is one stored figure, and a person's timeline bars are sums of a few
/// hundred rows instead of a read of each of the person's events (the busiest: 83,442 events, 570–625 ms a window). And
/// each person's live events themselves with their days, kind and status (table <c>PersonEvents</c>, migration
/// PersonEvents), recounted at the same points.
/// </summary>
public static class PersonEventCounts
{
    // Distinct events, not participations (two roles at one trial are one event), and only live events; the deleted
    // ones are a short list from their partial index, and the count reads the (PersonId, EventId) index alone.
    internal const string Count = """
        (SELECT COUNT(DISTINCT p."EventId") FROM "Participations" p WHERE p."PersonId" = "Persons"."Id"
            AND p."EventId" NOT IN (SELECT "Id" FROM "Events" WHERE "IsDeleted"))
        """;

    // The month rows: distinct live events per person, sort month and span class (the span class tells a reader which
    // events a window can place, without reading them). Constant SQL texts, completed by a subquery of person ids.
    private const string MonthRows = """
        INSERT INTO "PersonMonthCounts" ("PersonId", "Month", "SpanClass", "Count")
        SELECT p."PersonId", e."SortMonth", e."SpanClass", COUNT(DISTINCT e."Id") FROM "Participations" p
          JOIN "Events" e ON e."Id" = p."EventId"
         WHERE NOT e."IsDeleted"
        """;

    // The person rows: each person's distinct live events with what a person's window or page tests (the days, span class,
    // kind and status), keyed by person and sort day, so that a common surname's or a busy person's events are read as
    // key ranges of this table instead of one by one from Events (see Queries/PersonRows).
    private const string EventRows = """
        INSERT INTO "PersonEvents" ("PersonId", "SortDay", "EventId", "SpanClass", "EarliestDay", "LatestDay", "Kind", "ClaimStatus")
        SELECT DISTINCT p."PersonId", e."SortDay", e."Id", e."SpanClass", e."EarliestDay", e."LatestDay", e."Kind", e."ClaimStatus"
          FROM "Participations" p JOIN "Events" e ON e."Id" = p."EventId"
         WHERE NOT e."IsDeleted"
        """;

    private const string ListedIds = "SELECT value FROM json_each({0})";
    private const string ImportedIds = "SELECT \"PersonId\" FROM \"Participations\" WHERE \"EventId\" BETWEEN {0} AND {1}";

    private const string RecountSql = "UPDATE \"Persons\" SET \"EventCount\" = " + Count + " WHERE \"Id\" IN (" + ListedIds + ");\n"
        + "DELETE FROM \"PersonMonthCounts\" WHERE \"PersonId\" IN (" + ListedIds + ");\n"
        + MonthRows + " AND p.\"PersonId\" IN (" + ListedIds + ") GROUP BY 1, 2, 3;\n"
        + "DELETE FROM \"PersonEvents\" WHERE \"PersonId\" IN (" + ListedIds + ");\n"
        + EventRows + " AND p.\"PersonId\" IN (" + ListedIds + ");";

    private const string RecountImportedSql = "UPDATE \"Persons\" SET \"EventCount\" = " + Count + " WHERE \"Id\" IN (" + ImportedIds + ");\n"
        + "DELETE FROM \"PersonMonthCounts\" WHERE \"PersonId\" IN (" + ImportedIds + ");\n"
        + MonthRows + " AND p.\"PersonId\" IN (" + ImportedIds + ") GROUP BY 1, 2, 3;\n"
        + "DELETE FROM \"PersonEvents\" WHERE \"PersonId\" IN (" + ImportedIds + ");\n"
        + EventRows + " AND p.\"PersonId\" IN (" + ImportedIds + ");";

    /// <summary>Recounts the given persons.</summary>
    public static async Task UpdateAsync(TimelineDbContext db, IReadOnlyCollection<int> personIds, CancellationToken ct = default)
    {
        foreach (var chunk in personIds.Distinct().Chunk(5000))
            await db.Database.ExecuteSqlRawAsync(RecountSql, [JsonSerializer.Serialize(chunk)], ct);
    }

    /// <summary>Recounts the persons of the events with ids in [firstId, lastId] (a bulk import has just added them).</summary>
    public static async Task UpdateForEventsAsync(TimelineDbContext db, int firstId, int lastId, CancellationToken ct = default)
    {
        if (lastId < firstId) return;
        await db.Database.ExecuteSqlRawAsync(RecountImportedSql, [firstId, lastId], ct);
    }

    /// <summary>Recounts everyone.</summary>
    public static Task RebuildAsync(TimelineDbContext db, CancellationToken ct = default) => db.Database.ExecuteSqlRawAsync(RebuildSql, ct);

    internal const string RebuildSql = "UPDATE \"Persons\" SET \"EventCount\" = " + Count + ";\n"
        + "DELETE FROM \"PersonMonthCounts\";\n" + MonthRows + " GROUP BY 1, 2, 3;\n"
        + "DELETE FROM \"PersonEvents\";\n" + EventRows + ";";
}
