using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;

namespace Timeline.Domain.Search;

/// <summary>Keeps the FTS5 table <c>EventSearch</c> in step with events, their people and their sources.</summary>
public static class SearchIndex
{
    // One row per live event; people are indexed as written and folded, so any spelling finds them.
    private const string Select = """
        SELECT e."Id", e."Title", e."Summary",
          (SELECT group_concat(n."Name" || ' ' || n."Folded", ' ')
             FROM "Participations" p JOIN "PersonNames" n ON n."PersonId" = p."PersonId"
             JOIN "Persons" pe ON pe."Id" = p."PersonId" AND pe."IsDeleted" = 0
            WHERE p."EventId" = e."Id"),
          (SELECT group_concat(s."Title", ' ')
             FROM "EvidenceLinks" x JOIN "Sources" s ON s."Id" = x."SourceId" AND s."IsDeleted" = 0
            WHERE x."EventId" = e."Id" AND x."IsDeleted" = 0)
        FROM "Events" e WHERE e."IsDeleted" = 0
        """;

    /// <summary>Re-indexes the given events (deleted ones drop out).</summary>
    public static async Task UpdateAsync(TimelineDbContext db, IReadOnlyCollection<int> eventIds, CancellationToken ct = default)
    {
        if (eventIds.Count == 0) return;
        foreach (var chunk in eventIds.Distinct().Chunk(5000))
        {
            var ids = System.Text.Json.JsonSerializer.Serialize(chunk);
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"EventSearch\" WHERE rowid IN (SELECT value FROM json_each({0}));", [ids], ct);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"EventSearch\" (rowid, \"Title\", \"Summary\", \"People\", \"Sources\") " + Select
                + " AND e.\"Id\" IN (SELECT value FROM json_each({0}));", [ids], ct);
        }
    }

    /// <summary>Indexes a range of event ids at once, e.g. the events a bulk import has just appended.</summary>
    public static async Task IndexRangeAsync(TimelineDbContext db, int firstId, int lastId, CancellationToken ct = default)
    {
        if (lastId < firstId) return;
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"EventSearch\" WHERE rowid BETWEEN {0} AND {1};", [firstId, lastId], ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"EventSearch\" (rowid, \"Title\", \"Summary\", \"People\", \"Sources\") " + Select
            + " AND e.\"Id\" BETWEEN {0} AND {1};", [firstId, lastId], ct);
    }

    /// <summary>Rebuilds the whole index, e.g. after a bulk import.</summary>
    public static async Task RebuildAsync(TimelineDbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"EventSearch\";", ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"EventSearch\" (rowid, \"Title\", \"Summary\", \"People\", \"Sources\") " + Select + ";", ct);
    }
}
