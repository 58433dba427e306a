using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;

namespace Timeline.Domain.Search;

/// <summary>
/// Keeps the FTS5 table <c>EventSearch</c> in step with events, their people and their sources, and the table of its
/// words, <c>EventSearchTerms</c>.
/// </summary>
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

    // The rows to index go through a temporary table: into the index and, tokenized a second time by a temporary FTS5
    // table with the index's own tokenizer, into the table of words (its vocabulary lists the new rows' words only).
    // Each write is one command, so that the temporary tables (which live as long as their connection) are on the
    // connection that fills them.
    private const string Prepare = $"""
        CREATE TEMP TABLE IF NOT EXISTS "EventSearchRows" ("Id" INTEGER PRIMARY KEY, "Title", "Summary", "People", "Sources");
        CREATE VIRTUAL TABLE IF NOT EXISTS temp."EventSearchFresh" USING fts5("Title", "Summary", "People", "Sources",
            content = '', tokenize = '{Tokenizer}');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp."EventSearchFreshVocab" USING fts5vocab(temp, 'EventSearchFresh', 'row');
        DELETE FROM temp."EventSearchRows";
        INSERT INTO temp."EventSearchRows"

        """;

    private const string Spread = """
        ;
        INSERT INTO "EventSearch" (rowid, "Title", "Summary", "People", "Sources") SELECT * FROM temp."EventSearchRows";
        INSERT INTO temp."EventSearchFresh" (rowid, "Title", "Summary", "People", "Sources") SELECT * FROM temp."EventSearchRows";
        INSERT OR IGNORE INTO "EventSearchTerms" ("Term") SELECT "term" FROM temp."EventSearchFreshVocab";
        INSERT INTO temp."EventSearchFresh" ("EventSearchFresh") VALUES ('delete-all');
        DELETE FROM temp."EventSearchRows";
        """;

    /// <summary>The index's tokenizer, as its migration (Initial) made it.</summary>
    internal const string Tokenizer = "unicode61 remove_diacritics 2";

    private const string ByIds = "DELETE FROM \"EventSearch\" WHERE rowid IN (SELECT value FROM json_each({0}));\n"
        + Prepare + Select + " AND e.\"Id\" IN (SELECT value FROM json_each({0}))" + Spread;

    private const string ByRange = "DELETE FROM \"EventSearch\" WHERE rowid BETWEEN {0} AND {1};\n"
        + Prepare + Select + " AND e.\"Id\" BETWEEN {0} AND {1}" + Spread;

    private const string All = "DELETE FROM \"EventSearch\";\nDELETE FROM \"EventSearchTerms\";\n" + Prepare + Select + Spread;

    /// <summary>Re-indexes the given events (deleted ones drop out).</summary>
    public static async Task UpdateAsync(TimelineDbContext db, IReadOnlyCollection<int> eventIds, CancellationToken ct = default)
    {
        if (eventIds.Count == 0) return;
        foreach (var chunk in eventIds.Distinct().Chunk(5000))
        {
            var ids = System.Text.Json.JsonSerializer.Serialize(chunk);
            await db.Database.ExecuteSqlRawAsync(ByIds, [ids], ct);
        }
    }

    /// <summary>Indexes a range of event ids at once, e.g. the events a bulk import has just appended.</summary>
    public static async Task IndexRangeAsync(TimelineDbContext db, int firstId, int lastId, CancellationToken ct = default)
    {
        if (lastId < firstId) return;
        await db.Database.ExecuteSqlRawAsync(ByRange, [firstId, lastId], ct);
    }

    /// <summary>Rebuilds the whole index and its words, e.g. after a bulk import.</summary>
    public static async Task RebuildAsync(TimelineDbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync(All, ct);
    }
}
