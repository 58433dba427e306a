using System.Text;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Dates;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

/// <summary>The dataset fields of issue 11 (seed/README.md): they load, and survive JSON and CSV exports.</summary>
public sealed class DataFidelityFormatTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "fidelity-" + Guid.NewGuid().ToString("N"));

    public DataFidelityFormatTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, true);

    private const string Dataset = """
        {
          "sources": [ { "id": "doc-a", "title": "A compilation", "kind": "book" } ],
          "persons": [
            { "id": "pritt-denis", "name": "Denis Pritt", "variants": ["D. N. Pritt", { "name": "Pratt", "note": "misprint in Davies" }] },
            { "id": "tiunov-sergei", "name": "Sergei Tiunov", "born": "1895~", "lifeDatesNote": "The notes give 1894 and 1896." },
            { "id": "krylenko-nikolai", "name": "Nikolai Krylenko", "born": { "edtf": "1885-05-02", "calendar": "julian" } }
          ],
          "events": [
            { "id": "shakhty-trial-1928", "kind": "trial", "title": "Shakhty trial", "start": "1928-05-18", "end": "1928-07-06",
              "claimStatus": "stated", "participants": [ { "person": "krylenko-nikolai", "role": "prosecutor" }, { "person": "pritt-denis", "role": "witness" } ],
              "evidence": [ { "source": "doc-a", "locator": "p. 12" } ],
              "dateClaims": [ { "start": "1928-05-18", "end": "1928-07-06", "preferred": true, "source": "doc-a", "locator": "p. 12" } ],
              "trial": { "court": "Special Judicial Presence", "unnamedDefendants": 53, "defendantsNote": "The source names none of the 53 engineers tried." } },
            { "id": "kirov-leningrad-1926", "kind": "appointment", "title": "Kirov made Leningrad party chief", "start": "1926~",
              "dateNote": "The passage gives no year; the section covers 1926-27.", "claimStatus": "stated",
              "participants": [ { "person": "tiunov-sergei", "role": "subject" } ],
              "evidence": [ { "source": "doc-a", "locator": "p. 40" } ] },
            { "id": "zubatov-1903", "kind": "other", "title": "Zubatov dismissed", "start": { "edtf": "1903-08-19", "calendar": "gregorian" },
              "claimStatus": "stated", "evidence": [ { "source": "doc-a", "locator": "p. 3" } ] }
          ]
        }
        """;

    private async Task<TestDatabase> LoadAsync()
    {
        var db = new TestDatabase();
        var file = Path.Combine(_folder, "dataset.json");
        await File.WriteAllTextAsync(file, Dataset);
        await db.Get<DatasetImporter>().ImportAsync(file);
        return db;
    }

    [Fact]
    public async Task Unnamed_defendants_a_date_note_variant_notes_and_loose_life_dates_are_stored()
    {
        using var db = await LoadAsync();
        await using var ctx = db.NewContext();

        var trial = await ctx.Events.SingleAsync(e => e.Key == "shakhty-trial-1928");
        Assert.Equal((53, "The source names none of the 53 engineers tried."), (trial.UnnamedDefendants, trial.DefendantsNote));
        Assert.Equal("The passage gives no year; the section covers 1926-27.", (await ctx.Events.SingleAsync(e => e.Key == "kirov-leningrad-1926")).DateNote);
        // An explicit Gregorian calendar is stored like any Gregorian date.
        Assert.Equal("1903-08-19", (await ctx.Events.SingleAsync(e => e.Key == "zubatov-1903")).Start.ToStorage());

        var pritt = await ctx.Persons.Include(p => p.Names).SingleAsync(p => p.Key == "pritt-denis");
        Assert.Equal("misprint in Davies", pritt.Names.Single(n => n.Name == "Pratt").Note);
        var tiunov = await ctx.Persons.SingleAsync(p => p.Key == "tiunov-sergei");
        Assert.Equal((DateQualifier.Circa, "The notes give 1894 and 1896."), (tiunov.Born!.Qualifier, tiunov.LifeDatesNote));
    }

    [Fact]
    public async Task The_new_fields_survive_a_json_and_a_csv_export_and_import()
    {
        using var db = await LoadAsync();
        var exporter = db.Get<DatasetExporter>();
        var json = Path.Combine(_folder, "export.json");
        await using (var stream = File.Create(json)) await exporter.WriteJsonAsync(stream, new EventFilter());
        var csv = Path.Combine(_folder, "csv");
        Directory.CreateDirectory(csv);
        await using (var events = File.Create(Path.Combine(csv, CsvDataset.EventsFile)))
        await using (var persons = File.Create(Path.Combine(csv, CsvDataset.PersonsFile)))
        await using (var sources = File.Create(Path.Combine(csv, CsvDataset.SourcesFile)))
            await exporter.WriteCsvAsync(events, persons, sources, new EventFilter());

        var text = await File.ReadAllTextAsync(json, Encoding.UTF8);
        Assert.Contains("\"unnamedDefendants\": 53", text, StringComparison.Ordinal);
        Assert.Contains("\"note\": \"misprint in Davies\"", text, StringComparison.Ordinal);
        Assert.Contains("\"dateNote\":", text, StringComparison.Ordinal);
        Assert.Contains("\"lifeDatesNote\":", text, StringComparison.Ordinal);
        var eventsCsv = await File.ReadAllTextAsync(Path.Combine(csv, CsvDataset.EventsFile), Encoding.UTF8);
        Assert.Contains("trial_unnamed_defendants", eventsCsv, StringComparison.Ordinal);
        Assert.Contains("Pratt;note=misprint in Davies", await File.ReadAllTextAsync(Path.Combine(csv, CsvDataset.PersonsFile), Encoding.UTF8),
            StringComparison.Ordinal);

        using var viaJson = new TestDatabase();
        await viaJson.Get<DatasetImporter>().ImportAsync(json);
        using var viaCsv = new TestDatabase();
        await viaCsv.Get<DatasetImporter>().ImportAsync(Path.Combine(csv, CsvDataset.EventsFile));
        CanonicalRows.AssertEqual(db, viaJson);
        CanonicalRows.AssertEqual(db, viaCsv);
    }
}
