using Microsoft.EntityFrameworkCore;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

public sealed class JsonImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "import-" + Guid.NewGuid().ToString("N"));

    public JsonImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private static Task<ImportResult> Import(TestDatabase db, string path, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        new DatasetImporter(db.Factory).ImportAsync(path, progress, ct);

    private const string Small = """
        {
          "sources": [
            { "id": "doc-a", "title": "A document", "kind": "archival-document",
              "archive": { "archive": "RGASPI", "fond": "17", "opis": "171", "delo": "136" } }
          ],
          "persons": [
            { "id": "miasnikov-gavriil", "name": "Gavriil Miasnikov", "variants": ["Myasnikov", "Гавриил Мясников"], "born": "1889" }
          ],
          "events": [
            { "id": "mias-arrest", "kind": "arrest", "title": "Miasnikov arrested", "start": { "edtf": "1917-10-25", "calendar": "julian" },
              "claimStatus": "disputed",
              "participants": [ { "person": "miasnikov-gavriil", "role": "arrested", "outcome": "released" } ],
              "evidence": [ { "source": "doc-a", "locator": "l. 94", "stance": "supports" } ],
              "dateClaims": [
                { "start": { "edtf": "1917-10-25", "calendar": "julian" }, "preferred": true, "source": "doc-a", "locator": "l. 94" },
                { "start": "1918~", "source": "doc-a", "locator": "l. 95", "note": "later memoir" }
              ],
              "arrest": { "agency": "Cheka", "place": "Petrograd" } }
          ]
        }
        """;

    [Fact]
    public async Task The_seed_folder_imported_in_bulk_stores_exactly_what_the_ef_seed_loader_stores()
    {
        using var viaEf = new TestDatabase(seeded: true);
        using var viaBulk = new TestDatabase();

        var result = await Import(viaBulk, Repo.SeedFolder);

        Assert.True(result.Events >= 400);
        CanonicalRows.AssertEqual(viaEf, viaBulk);
        AssertSchemaIsTheMigratedOne(viaBulk);
    }

    // A large import drops and rebuilds some indexes; whether it commits or not, the schema ends as migrated.
    private static void AssertSchemaIsTheMigratedOne(TestDatabase db)
    {
        using var fresh = new TestDatabase();
        using var a = fresh.OpenConnection();
        using var b = db.OpenConnection();
        Assert.Equal(SchemaDescription.Of(a, new HashSet<string>()), SchemaDescription.Of(b, new HashSet<string>()));
    }

    [Fact]
    public async Task A_single_file_is_imported_with_its_dates_names_evidence_claims_and_details()
    {
        using var db = new TestDatabase();
        var result = await Import(db, Write("small.json", Small));

        Assert.Equal((1, 1, 1), (result.Sources, result.Persons, result.Events));
        // 1 source, 1 person, 3 names with 5 words, 1 event, 1 participation, 2 evidence links (one added for the claim), 2 claims.
        Assert.Equal(16, result.Rows);
        using var ctx = db.NewContext();
        var e = await ctx.Events.Include(x => x.Participants).ThenInclude(p => p.Person).ThenInclude(p => p!.Names)
            .Include(x => x.Evidence).Include(x => x.DateClaims).SingleAsync();
        Assert.Equal("25 Oct (7 Nov) 1917", e.DateDisplay);
        Assert.Equal(new DateOnly(1917, 11, 7), e.Earliest);
        Assert.Equal("Cheka", e.ArrestAgency);
        Assert.Equal(2, e.DateClaims.Count);
        Assert.Equal(["l. 94", "l. 95"], e.Evidence.Select(x => x.Locator).Order());
        Assert.Equal(3, e.Participants[0].Person!.Names.Count);
        Assert.Equal(1, e.Version);
    }

    [Fact]
    public async Task Imported_events_are_found_by_full_text_and_person_search()
    {
        using var db = new TestDatabase();
        await Import(db, Write("small.json", Small));
        var queries = db.Get<EventQueries>();

        Assert.Equal(1, await queries.CountAsync(new EventFilter { Text = "Мясников" }));
        Assert.Equal(1, await queries.CountAsync(new EventFilter { Text = "arrested" }));
        Assert.Equal(1, await queries.CountAsync(new EventFilter { PersonNames = ["Myasnikov"] }));
    }

    [Fact]
    public async Task Malformed_json_names_the_file_and_line_and_leaves_the_database_unchanged()
    {
        using var db = new TestDatabase();
        await SmallDataset.LoadAsync(db);
        var before = DatabaseSnapshot.Of(db);
        var path = Write("broken.json", Small.Replace("\"kind\": \"arrest\",", "\"kind\": \"arrest\"", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, path));

        Assert.Equal("broken.json", ex.File);
        Assert.Equal(10, ex.Line);
        Assert.Equal(before, DatabaseSnapshot.Of(db));
    }

    [Fact]
    public async Task A_misspelt_field_names_its_line_and_path()
    {
        using var db = new TestDatabase();
        var path = Write("typo.json", Small.Replace("\"outcome\"", "\"outcoem\"", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, path));

        Assert.Equal(12, ex.Line);
        Assert.Equal("participants[0].outcoem", ex.Field);
        Assert.Equal(0, DatabaseSnapshot.Count(db, "Events"));
    }

    [Fact]
    public async Task An_invalid_record_after_valid_ones_names_the_record_and_field_and_leaves_the_database_unchanged()
    {
        using var db = new TestDatabase(seeded: true);
        var before = DatabaseSnapshot.Of(db);
        var events = Enumerable.Range(1, 50).Select(i => $$"""
            { "id": "new-event-{{i}}", "kind": "meeting", "title": "Meeting {{i}}", "start": "1930-01-{{(i % 28) + 1:00}}", "claimStatus": "stated",
              "evidence": [ { "source": "doc-blumkin-dossier", "locator": "p. {{i}}" } ] }
            """).ToList();
        events.Add("""
            { "id": "bad-arrest", "kind": "arrest", "title": "Nobody arrested", "start": "1930", "claimStatus": "stated",
              "participants": [ { "person": "trotsky-leon", "role": "witness" } ],
              "evidence": [ { "source": "doc-blumkin-dossier", "locator": "p. 1" } ] }
            """);
        var path = Write("events.json", $$"""{ "events": [ {{string.Join(",\n", events)}} ] }""");

        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, path));

        Assert.Equal("bad-arrest", ex.Record);
        Assert.Equal("participants", ex.Field);
        Assert.NotNull(ex.Line);
        Assert.Contains("arrested person", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseSnapshot.Of(db));
        AssertSchemaIsTheMigratedOne(db);
    }

    [Fact]
    public async Task Records_may_refer_to_persons_and_sources_already_in_the_database_by_their_key()
    {
        using var db = new TestDatabase(seeded: true);
        var path = Write("more.json", """
            { "events": [ { "id": "blumkin-extra", "kind": "interrogation", "title": "Blumkin questioned again", "start": "1929-10-20",
                "claimStatus": "attributed", "participants": [ { "person": "blumkin-yakov", "role": "subject" } ],
                "evidence": [ { "source": "doc-blumkin-dossier", "locator": "l. 100" } ] } ] }
            """);

        var result = await Import(db, path);

        Assert.Equal((0, 0, 1), (result.Sources, result.Persons, result.Events));
        using var ctx = db.NewContext();
        var e = await ctx.Events.Include(x => x.Participants).ThenInclude(p => p.Person).Include(x => x.Evidence).ThenInclude(x => x.Source)
            .SingleAsync(x => x.Key == "blumkin-extra");
        Assert.Equal("blumkin-yakov", e.Participants.Single().Person!.Key);
        Assert.Equal("doc-blumkin-dossier", e.Evidence.Single().Source!.Key);
        Assert.Equal(1, await db.Get<EventQueries>().CountAsync(new EventFilter { Text = "questioned again Blumkin" }));
    }

    [Theory]
    [InlineData("""{ "persons": [ { "id": "trotsky-leon", "name": "Leon Trotsky" } ] }""", "trotsky-leon", "person")]
    [InlineData("""{ "sources": [ { "id": "doc-blumkin-dossier", "title": "Again", "kind": "book" } ] }""", "doc-blumkin-dossier", "source")]
    [InlineData("""
        { "events": [ { "id": "trotsky-deported-1929", "kind": "exile", "title": "Again", "start": "1929", "claimStatus": "stated",
          "evidence": [ { "source": "doc-blumkin-dossier", "locator": "p. 1" } ] } ] }
        """, "trotsky-deported-1929", "event")]
    public async Task An_id_the_database_already_has_is_reported_and_nothing_is_overwritten(string json, string id, string kind)
    {
        using var db = new TestDatabase(seeded: true);
        var before = DatabaseSnapshot.Of(db);

        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, Write("clash.json", json)));

        Assert.Equal(id, ex.Record);
        Assert.Equal("id", ex.Field);
        Assert.Contains($"already has a {kind} with the id '{id}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseSnapshot.Of(db));
    }

    [Fact]
    public async Task A_null_where_text_is_required_is_an_error_with_its_path_not_a_crash()
    {
        using var db = new TestDatabase();
        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, Write("null.json", Small.Replace("\"title\": \"Miasnikov arrested\"", "\"title\": null", StringComparison.Ordinal))));
        Assert.Equal("title", ex.Field);
        Assert.Equal(10, ex.Line);
    }

    [Fact]
    public async Task A_reference_to_an_id_nowhere_to_be_found_is_an_error()
    {
        using var db = new TestDatabase();
        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, Write("x.json", Small.Replace("\"person\": \"miasnikov-gavriil\"", "\"person\": \"nobody\"", StringComparison.Ordinal))));
        Assert.Equal("participants[0].person", ex.Field);
        Assert.Equal("mias-arrest", ex.Record);
    }

    [Fact]
    public async Task Sections_out_of_order_are_refused_with_their_line()
    {
        using var db = new TestDatabase();
        var ex = await Assert.ThrowsAsync<DatasetException>(() => Import(db, Write("order.json", """
            {
              "persons": [],
              "sources": []
            }
            """)));
        Assert.Equal(3, ex.Line);
        Assert.Equal("sources", ex.Field);
    }

    [Fact]
    public async Task Cancelling_mid_import_leaves_the_database_unchanged()
    {
        using var db = new TestDatabase(seeded: true);
        var before = DatabaseSnapshot.Of(db);
        var data = new SyntheticData(new SyntheticOptions { Events = 3000, Persons = 300, Sources = 50, Seed = 3 });
        using var cts = new CancellationTokenSource();
        var seen = new List<ImportProgress>();
        var progress = new InlineProgress(p =>
        {
            seen.Add(p);
            if (p.Phase == ImportPhase.Events && p.Done >= 1500) cts.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DatasetImporter(db.Factory) { ProgressInterval = 500 }.ImportAsync(data.Entries(), data.TotalRecords, progress, cts.Token));

        Assert.Contains(seen, p => p.Phase == ImportPhase.Events && p.Rows > 0);
        Assert.Equal(before, DatabaseSnapshot.Of(db));
        AssertSchemaIsTheMigratedOne(db);
    }

    [Fact]
    public async Task Progress_goes_through_the_phases_in_order_with_counts()
    {
        using var db = new TestDatabase();
        var data = new SyntheticData(new SyntheticOptions { Events = 1200, Persons = 200, Sources = 30, Seed = 4 });
        var seen = new List<ImportProgress>();

        var result = await new DatasetImporter(db.Factory) { ProgressInterval = 400 }
            .ImportAsync(data.Entries(), data.TotalRecords, new InlineProgress(seen.Add));

        Assert.Equal([ImportPhase.Sources, ImportPhase.Persons, ImportPhase.Events, ImportPhase.Indexing, ImportPhase.Done],
            seen.Select(p => p.Phase).Distinct());
        Assert.All(seen, p => Assert.Equal(data.TotalRecords, p.Total));
        Assert.Equal(data.TotalRecords, seen[^1].Done);
        Assert.Equal(result.Rows, seen[^1].Rows);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second.Done >= p.First.Done && p.Second.Rows >= p.First.Rows));
    }
}

/// <summary>Reports on the importing thread, so a test sees each report before the import goes on.</summary>
public sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}

public class DeferredIndexTests
{
    [Fact]
    public void A_large_import_defers_the_indexes_rows_reach_in_random_order_and_keeps_unique_and_parent_ones()
    {
        using var db = new TestDatabase();
        using var c = db.OpenConnection();
        using var tx = c.BeginTransaction();

        var deferred = DeferredIndexes.Begin(c, tx, expectedRecords: null);

        Assert.Equal([
            "IX_Events_ClaimStatus_SortDay_Id_Kind_IsDeleted", "IX_Events_IsDeleted", "IX_Events_Kind_SortDay_Id_ClaimStatus_IsDeleted",
            "IX_Events_Kind_SortTitle_SortDay_Id_ClaimStatus_IsDeleted", "IX_Events_SortDay_Id_IsDeleted", "IX_Events_SortTitle_SortDay_Id_IsDeleted",
            "IX_Events_SpanClass_EarliestDay_LatestDay_SortDay_Kind_ClaimStatus_IsDeleted",
            "IX_EvidenceLinks_SourceId_EventId_IsDeleted", "IX_Participations_PersonId_EventId", "IX_PersonNameWords_Word_PersonNameId", "IX_PersonNames_Folded",
            "IX_Persons_EventCount_Name_Id", "IX_Persons_IsDeleted", "IX_Persons_Name", "IX_Sources_IsDeleted", "IX_Sources_Title",
        ], deferred.Dropped);
        deferred.Complete(CancellationToken.None);
        Assert.Empty(deferred.Dropped);
    }
}
