using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Dates;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

public sealed class ExportTests : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly TestDatabase _seeded;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "export-" + Guid.NewGuid().ToString("N"));

    public ExportTests(SeededDatabase seeded)
    {
        _seeded = seeded.Database;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, true);

    private static async Task<byte[]> Json(TestDatabase db, EventFilter? filter = null)
    {
        using var stream = new MemoryStream();
        await db.Get<DatasetExporter>().WriteJsonAsync(stream, filter ?? new EventFilter());
        return stream.ToArray();
    }

    /// <summary>Writes events.csv, persons.csv and sources.csv into a folder; returns the three files' bytes.</summary>
    private static async Task<byte[][]> Csv(TestDatabase db, string folder, EventFilter? filter = null)
    {
        Directory.CreateDirectory(folder);
        var paths = new[] { CsvDataset.EventsFile, CsvDataset.PersonsFile, CsvDataset.SourcesFile }.Select(f => Path.Combine(folder, f)).ToArray();
        await using (var events = File.Create(paths[0]))
        await using (var persons = File.Create(paths[1]))
        await using (var sources = File.Create(paths[2]))
            await db.Get<DatasetExporter>().WriteCsvAsync(events, persons, sources, filter ?? new EventFilter());
        return paths.Select(File.ReadAllBytes).ToArray();
    }

    [Fact]
    public async Task The_seed_exported_as_json_re_imports_into_an_empty_database_and_exports_to_the_same_bytes()
    {
        var first = await Json(_seeded);
        var file = Path.Combine(_folder, "export.json");
        await File.WriteAllBytesAsync(file, first);
        using var copy = new TestDatabase();

        var result = await copy.Get<DatasetImporter>().ImportAsync(file);
        var second = await Json(copy);

        Assert.True(result.Events >= 400);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        await AssertSameEntities(_seeded, copy);
    }

    [Fact]
    public async Task The_seed_exported_as_csv_re_imports_into_an_empty_database_and_exports_to_the_same_bytes()
    {
        var first = await Csv(_seeded, Path.Combine(_folder, "a"));
        using var copy = new TestDatabase();

        await copy.Get<DatasetImporter>().ImportAsync(Path.Combine(_folder, "a", CsvDataset.EventsFile));
        var second = await Csv(copy, Path.Combine(_folder, "b"));

        for (var i = 0; i < 3; i++) Assert.Equal(Encoding.UTF8.GetString(first[i]), Encoding.UTF8.GetString(second[i]));
        await AssertSameEntities(_seeded, copy);
    }

    [Fact]
    public async Task Synthetic_data_with_every_date_form_round_trips_through_json_and_csv()
    {
        using var generated = new TestDatabase();
        var data = new SyntheticData(new SyntheticOptions { Events = 1500, Persons = 300, Sources = 60, Seed = 11 });
        await generated.Get<DatasetImporter>().ImportAsync(data.Entries(), data.TotalRecords);
        var json = await Json(generated);
        var csv = await Csv(generated, Path.Combine(_folder, "synthetic"));

        using var viaJson = new TestDatabase();
        var jsonFile = Path.Combine(_folder, "synthetic.json");
        await File.WriteAllBytesAsync(jsonFile, json);
        await viaJson.Get<DatasetImporter>().ImportAsync(jsonFile);
        using var viaCsv = new TestDatabase();
        await viaCsv.Get<DatasetImporter>().ImportAsync(Path.Combine(_folder, "synthetic", CsvDataset.EventsFile));

        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(await Json(viaJson)));
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(await Json(viaCsv)));
        // Row for row, ids aside; persons and sources no event refers to are not exported.
        CanonicalRows.AssertEqual(generated, viaJson, "Events", "Participations", "EvidenceLinks", "DateClaims", "EventSearch");
        CanonicalRows.AssertEqual(viaJson, viaCsv);
    }

    // Spot checks: the export carried what matters (rival dates with their sources, names, archival references).
    private static async Task AssertSameEntities(TestDatabase original, TestDatabase copy)
    {
        await using var a = original.NewContext();
        await using var b = copy.NewContext();
        Task<Event> Deportation(Timeline.Domain.Data.TimelineDbContext c) => c.Events
            .Include(e => e.DateClaims).ThenInclude(d => d.Evidence!).ThenInclude(x => x.Source)
            .Include(e => e.Participants).ThenInclude(p => p.Person)
            .SingleAsync(e => e.Key == "trotsky-deported-1929");
        var x = await Deportation(a);
        var y = await Deportation(b);
        Assert.Equal(x.Start, y.Start);
        Assert.Equal((x.EarliestDay, x.LatestDay, x.SortDay, x.SortMonth), (y.EarliestDay, y.LatestDay, y.SortDay, y.SortMonth));
        Assert.Equal(x.DateClaims.Select(c => (c.Start.ToEdtf(), c.IsPreferred, c.Evidence!.Source!.Key, c.Evidence.Locator)).Order(),
            y.DateClaims.Select(c => (c.Start.ToEdtf(), c.IsPreferred, c.Evidence!.Source!.Key, c.Evidence.Locator)).Order());
        Assert.Equal(x.Participants.Select(p => (p.Person!.Key, p.Role)), y.Participants.Select(p => (p.Person!.Key, p.Role)));

        var names = await b.Persons.Include(p => p.Names).SingleAsync(p => p.Key == "miasnikov-gavriil");
        Assert.Contains(names.Names, n => n.Name.Contains("Мясников", StringComparison.Ordinal));
        var dossier = await b.Sources.SingleAsync(s => s.Key == "doc-blumkin-dossier");
        Assert.Equal("RGASPI f. 17 op. 171 d. 136 l. 94-126", dossier.Archive!.ToString());
        Assert.Equal(await a.Events.Where(e => e.Key != null).CountAsync(), await b.Events.CountAsync());
    }

    [Fact]
    public async Task A_filtered_export_holds_only_the_persons_and_sources_its_events_refer_to()
    {
        var filter = new EventFilter { PersonNames = ["Blumkin"], FromYear = 1929, ToYear = 1929, Kinds = [EventKind.Arrest] };
        using var doc = JsonDocument.Parse(await Json(_seeded, filter));

        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        var personIds = events.SelectMany(e => e.TryGetProperty("participants", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(p => p.GetProperty("person").GetString()).ToHashSet();
        var sourceIds = events.SelectMany(e => e.GetProperty("evidence").EnumerateArray()).Select(x => x.GetProperty("source").GetString()).ToHashSet();
        Assert.Equal(personIds, doc.RootElement.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToHashSet());
        Assert.Equal(sourceIds, doc.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet());
        Assert.Contains("blumkin-yakov", personIds);
        Assert.All(events, e => Assert.Equal("arrest", e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_text_filter_composes_with_the_export_of_persons_and_sources()
    {
        using var doc = JsonDocument.Parse(await Json(_seeded, new EventFilter { Text = "Prinkipo" }));
        Assert.NotEmpty(doc.RootElement.GetProperty("events").EnumerateArray());
        Assert.NotEmpty(doc.RootElement.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task An_empty_result_is_a_valid_empty_dataset()
    {
        var json = Encoding.UTF8.GetString(await Json(_seeded, new EventFilter { Text = "zzzyzzyx" }));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(0, doc.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("persons").GetArrayLength());
    }

    [Fact]
    public async Task Timelinejs_slides_keep_the_historians_date_wording_and_escape_html()
    {
        using var db = new TestDatabase();
        await SmallDataset.LoadAsync(db);
        await using (var ctx = db.NewContext())
        {
            var e = await ctx.Events.SingleAsync(x => x.Key == "blumkin-shot");
            e.Summary = "Shot <b>without</b> trial & buried.";
            e.Start = HistoricalDate.ParseEdtf("1929~");
            var os = await ctx.Events.SingleAsync(x => x.Key == "mias-expelled");
            os.Start = HistoricalDate.ParseEdtf("1917-10-25", CalendarSystem.Julian);
            await ctx.SaveChangesAsync();
        }
        using var stream = new MemoryStream();
        await db.Get<DatasetExporter>().WriteTimelineJsAsync(stream, new EventFilter(), "Timeline", "All <events>");
        using var doc = JsonDocument.Parse(stream.ToArray());
        var slides = doc.RootElement.GetProperty("events").EnumerateArray().ToDictionary(s => s.GetProperty("unique_id").GetString()!);

        Assert.Equal("<p>All &lt;events&gt;</p>", doc.RootElement.GetProperty("title").GetProperty("text").GetProperty("text").GetString());
        var shot = slides["blumkin-shot"];
        var start = shot.GetProperty("start_date");
        Assert.Equal(1929, start.GetProperty("year").GetInt32());
        Assert.False(start.TryGetProperty("month", out _));
        Assert.Equal("c. 1929", start.GetProperty("display_date").GetString());
        var text = shot.GetProperty("text").GetProperty("text").GetString()!;
        Assert.StartsWith("<p>Shot &lt;b&gt;without&lt;/b&gt; trial &amp; buried.</p>", text, StringComparison.Ordinal);
        Assert.Contains("Evidence: Essay on the Moscow Trials, p. 1", text, StringComparison.Ordinal);
        Assert.Equal("execution", shot.GetProperty("group").GetString());

        var month = slides["mias-arrest"].GetProperty("start_date");
        Assert.Equal((1923, 5), (month.GetProperty("year").GetInt32(), month.GetProperty("month").GetInt32()));
        Assert.False(month.TryGetProperty("day", out _));
        Assert.Contains("Attributed.", slides["mias-arrest"].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);

        // An Old Style day sits at its Gregorian place; the display keeps both calendars.
        var julian = slides["mias-expelled"].GetProperty("start_date");
        Assert.Equal((1917, 11, 7), (julian.GetProperty("year").GetInt32(), julian.GetProperty("month").GetInt32(), julian.GetProperty("day").GetInt32()));
        Assert.Equal("25 Oct (7 Nov) 1917", julian.GetProperty("display_date").GetString());

        var trial = slides["trial-1936"];
        Assert.Equal(24, trial.GetProperty("end_date").GetProperty("day").GetInt32());
        Assert.False(slides["blumkin-arrest"].TryGetProperty("end_date", out _));
    }
}
