using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Timeline.Tests.Support;

/// <summary>
/// A database as the app made it before EF Core migrations: the old SQL scripts (kept as test data in
/// Fixtures/LegacySchema) applied in order and recorded in <c>__SchemaVersions</c>, as the old SchemaMigrator did,
/// then curated rows, a revision and an account written with plain SQL, so that the fixture does not depend on
/// today's EF model.
/// </summary>
public static class LegacyDatabase
{
    public static string ScriptFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacySchema");

    /// <summary>Applies the first <paramref name="upTo"/> scripts to a new file.</summary>
    public static void Create(string path, int upTo = 8)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        Execute(c, "PRAGMA journal_mode = WAL; CREATE TABLE \"__SchemaVersions\" (\"Version\" INTEGER NOT NULL PRIMARY KEY, \"Name\" TEXT NOT NULL, \"AppliedAt\" TEXT NOT NULL);");
        foreach (var file in Directory.GetFiles(ScriptFolder, "*.sql").Order(StringComparer.Ordinal).Take(upTo))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var version = int.Parse(name[..4], CultureInfo.InvariantCulture);
            using var tx = c.BeginTransaction();
            Execute(c, File.ReadAllText(file), tx);
            Execute(c, $"INSERT INTO \"__SchemaVersions\" VALUES ({version}, '{name[5..]}', '2026-11-30T12:00:00.0000000Z');", tx);
            tx.Commit();
        }
    }

    /// <summary>A version-8 database holding what a curator's database holds: records, evidence, a revision and accounts.</summary>
    public static void CreateWithRows(string path)
    {
        Create(path);
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        Execute(c, """
            INSERT INTO "Sources" ("Id", "Key", "Title", "Kind", "Date", "ArchiveName", "Fond", "Opis", "Delo", "Pages", "Version", "IsDeleted")
            VALUES (1, 'doc-blumkin-dossier', 'Memorandum of Agranov to Stalin', 'ArchivalDocument', '1929-10-21', 'RGASPI', '17', '171', '136', '94-126', 2, 0);
            INSERT INTO "Persons" ("Id", "Key", "Name", "Born", "Died", "Description", "Version", "IsDeleted")
            VALUES (1, 'blumkin-yakov', 'Yakov Blumkin', '1900', '1929-11-03', 'OGPU officer.', 1, 0);
            INSERT INTO "PersonNames" ("Id", "PersonId", "Name", "Folded", "IsPrimary") VALUES (1, 1, 'Yakov Blumkin', 'yakov blumkin', 1), (2, 1, 'Блюмкин', 'bliumkin', 0);
            INSERT INTO "Events" ("Id", "Key", "Kind", "Title", "Summary", "Place", "ClaimStatus", "Start", "End", "EarliestDay", "LatestDay", "SortDay",
                                  "SortMonth", "SpanClass", "ArrestAgency", "ArrestPlace", "Version", "IsDeleted")
            VALUES (1, 'blumkin-arrest-1929', 'Arrest', 'OGPU arrests Yakov Blumkin', 'Curated summary.', 'Moscow', 'Stated', '1929-10-15', NULL,
                    704474, 704474, 704474, 23157, 0, 'OGPU', 'Moscow', 3, 0),
                   (2, NULL, 'Other', 'A deleted draft', '', NULL, 'Attributed', 'julian:1917-10-25', NULL, 700114, 700114, 700114, 23014, 0, NULL, NULL, 1, 1);
            INSERT INTO "Participations" ("Id", "EventId", "PersonId", "Role", "Outcome", "Position") VALUES (1, 1, 1, 'Arrested', 'shot weeks later', 0);
            INSERT INTO "EvidenceLinks" ("Id", "EventId", "SourceId", "Locator", "Stance", "Note", "EvidenceDate", "Version", "IsDeleted")
            VALUES (1, 1, 1, 'l. 94', 'Supports', NULL, NULL, 1, 0);
            INSERT INTO "DateClaims" ("Id", "EventId", "EvidenceLinkId", "Start", "End", "IsPreferred", "Note") VALUES (1, 1, 1, '1929-10-15', NULL, 1, 'the memorandum');
            INSERT INTO "EventSearch" ("rowid", "Title", "Summary", "People", "Sources") VALUES (1, 'OGPU arrests Yakov Blumkin', 'Curated summary.', 'Yakov Blumkin yakov blumkin', 'Memorandum of Agranov to Stalin');
            INSERT INTO "EventDayCounts" VALUES (704474, 'Arrest', 'Stated', 1);
            INSERT INTO "EventMonthCounts" VALUES (23157, 'Arrest', 'Stated', 1);
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES ('r-editor', 'Editor', 'EDITOR', 'c1');
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp",
                                       "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('u-1', 'editor@example.org', 'EDITOR@EXAMPLE.ORG', 'editor@example.org', 'EDITOR@EXAMPLE.ORG', 1, 'AQAAAAIAAYagAAAAEH0', 'STAMP', 'c2', 0, 0, 1, 0);
            INSERT INTO "AspNetUserRoles" VALUES ('u-1', 'r-editor');
            INSERT INTO "Revisions" ("EntityType", "EntityId", "Version", "Action", "UserId", "UserName", "At", "Snapshot", "Changes", "Details")
            VALUES ('event', 1, 3, 'Updated', 'u-1', 'editor@example.org', '2026-11-30 12:00:00', '{"title":"OGPU arrests Yakov Blumkin"}', '[{"field":"summary"}]', NULL);
            """);
    }

    private static void Execute(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
