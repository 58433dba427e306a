using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Model;
using Timeline.Domain.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public class SeedTests : IClassFixture<SeededDatabase>
{
    private readonly SeededDatabase _db;

    public SeedTests(SeededDatabase db) => _db = db;

    [Fact]
    public void The_seed_holds_at_least_400_events_250_persons_and_the_five_documents()
    {
        using var ctx = _db.Database.NewContext();
        Assert.True(ctx.Events.Count() >= 400, $"{ctx.Events.Count()} events");
        Assert.True(ctx.Persons.Count() >= 250, $"{ctx.Persons.Count()} persons");
        var keys = ctx.Sources.Select(s => s.Key).ToHashSet();
        foreach (var doc in new[] { "doc-miasnikov-case", "doc-purges-compilation", "doc-blumkin-dossier", "doc-ogpu-1931", "doc-moscow-trials-essay" })
            Assert.Contains(doc, keys);
        Assert.True(ctx.Sources.Count() > 5, "cited archival and bibliographic sources are seeded too");
    }

    [Fact]
    public void Every_event_has_evidence_with_a_locator()
    {
        using var ctx = _db.Database.NewContext();
        Assert.Empty(ctx.Events.Where(e => !ctx.EvidenceLinks.Any(x => x.EventId == e.Id && x.Locator != "")).Select(e => e.Key));
    }

    [Fact]
    public void Every_reference_resolves()
    {
        using var c = _db.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM pragma_foreign_key_check;";
        Assert.Equal(0L, cmd.ExecuteScalar());
        using var ctx = _db.Database.NewContext();
        Assert.All(ctx.DateClaims.Include(d => d.Evidence).ToList(), d => Assert.Equal(d.EventId, d.Evidence!.EventId));
    }

    [Fact]
    public void Each_document_is_covered_by_events()
    {
        using var ctx = _db.Database.NewContext();
        var perDocument = ctx.EvidenceLinks.Where(x => x.Source!.Key!.StartsWith("doc-"))
            .GroupBy(x => x.Source!.Key!).Select(g => new { g.Key, Events = g.Select(x => x.EventId).Distinct().Count() })
            .ToDictionary(g => g.Key, g => g.Events);
        Assert.Equal(5, perDocument.Count);
        Assert.All(perDocument, d => Assert.True(d.Value >= 40, $"{d.Key}: {d.Value} events"));
    }

    // An event whose title presents it as someone's allegation ("Alleged ...", "Claim that ...", "... said to have ...",
    // "..., by Tokaev's account", "..., says the essay") asserts only that the allegation was made: it is attributed or
    // disputed, never stated. This replaces a floor of 35% attributed or disputed events per partisan document, which
    // issue 11 rightly broke by moving the documents' plain facts (a trial was held, a post was held) to stated; a share
    // cannot say which event carries the wrong status, this rule names it.
    private const string AllegationTitle =
        @"^(alleged|claims?\s+(that|of|by))\b|\ballegedly\b|\bsaid to (have|be \w+ing)\b"
        + @"|\b(by|in) [\w.'’ -]+'s? (account|version|testimony|confession)s?$|\baccording to [\w.'’ -]+$|,\s*(says|claims|writes) [\w.'’ -]+$";

    [Fact]
    public void An_event_presented_as_someones_allegation_is_attributed_or_disputed()
    {
        using var ctx = _db.Database.NewContext();
        var allegations = ctx.Events.Select(e => new { e.Key, e.Title, e.ClaimStatus, Sources = e.Evidence.Select(x => x.Source!.Key).ToList() })
            .AsEnumerable().Where(e => Regex.IsMatch(e.Title, AllegationTitle, RegexOptions.IgnoreCase)).ToList();

        Assert.Empty(allegations.Where(e => e.ClaimStatus == ClaimStatus.Stated).Select(e => $"{e.Key}: {e.Title}"));
        // The rule has something to bite on in both partisan documents (measured: 32 such events cite the compilation, 6 the essay).
        foreach (var doc in new[] { "doc-purges-compilation", "doc-moscow-trials-essay" })
            Assert.True(allegations.Count(e => e.Sources.Contains(doc)) >= 5, $"{doc}: {allegations.Count(e => e.Sources.Contains(doc))} allegation events");
    }

    [Fact]
    public void The_1929_deportation_of_trotsky_keeps_both_dates_with_their_evidence()
    {
        using var ctx = _db.Database.NewContext();
        var e = ctx.Events.Include(x => x.DateClaims).ThenInclude(c => c.Evidence!).ThenInclude(x => x.Source)
            .Single(x => x.Key == "trotsky-deported-1929");
        Assert.True(e.DateClaims.Count >= 2);
        Assert.Single(e.DateClaims, c => c.IsPreferred);
        Assert.Equal(1929, e.DateClaims.Single(c => c.IsPreferred).Start.Year);
        Assert.Contains(e.DateClaims, c => c.Start.Year == 1928);
        var sources = e.DateClaims.Select(c => c.Evidence!.Source!.Key).ToHashSet();
        Assert.Contains("doc-blumkin-dossier", sources);
        Assert.Contains("doc-moscow-trials-essay", sources);
    }

    [Fact]
    public void Trial_defendants_carry_their_verdicts_and_sentences()
    {
        using var ctx = _db.Database.NewContext();
        var trial = ctx.Events.Include(e => e.Participants).Single(e => e.Key == "trial-of-sixteen-1936");
        var defendants = trial.Participants.Where(p => p.Role == ParticipantRole.Defendant).ToList();
        Assert.True(defendants.Count >= 16);
        Assert.All(defendants, d => Assert.False(string.IsNullOrWhiteSpace(d.Sentence)));
    }

    [Fact]
    public void Name_variants_are_searchable_in_every_script()
    {
        using var ctx = _db.Database.NewContext();
        var miasnikov = ctx.Persons.Include(p => p.Names).Single(p => p.Key == "miasnikov-gavriil");
        Assert.Contains(miasnikov.Names, n => n.Name.Any(c => c is >= 'А' and <= 'я'));
        Assert.True(miasnikov.Names.Count >= 2);
    }

    [Fact]
    public async Task Loading_again_into_a_seeded_database_changes_nothing()
    {
        using var db = new TestDatabase(seeded: true);
        int Count() { using var c = db.NewContext(); return c.Events.Count() + c.Persons.Count() + c.Sources.Count() + c.EvidenceLinks.Count(); }
        var before = Count();

        var result = await db.Get<SeedLoader>().LoadIfEmptyAsync(Repo.SeedFolder);

        Assert.False(result.Loaded);
        Assert.Equal(before, Count());
    }

    [Fact]
    public void The_seed_folder_is_valid_as_a_whole()
    {
        Assert.Empty(SeedLoader.Check(Repo.SeedFolder).Select(p => p.Message));
    }
}

public class SeedErrorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "badseed-" + Guid.NewGuid().ToString("N"));

    public SeedErrorTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "events"));
        File.WriteAllText(Path.Combine(_folder, "sources.json"), """[{ "id": "doc-a", "title": "A document", "kind": "book" }]""");
        File.WriteAllText(Path.Combine(_folder, "persons.json"), """[{ "id": "someone", "name": "Someone" }]""");
    }

    public void Dispose() => Directory.Delete(_folder, true);

    private DatasetException Load(string events)
    {
        File.WriteAllText(Path.Combine(_folder, "events", "x.json"), events);
        return Assert.Throws<DatasetException>(() => SeedLoader.Read(_folder));
    }

    [Fact]
    public void A_bad_date_names_the_file_record_and_field()
    {
        var ex = Load("""
            [{ "id": "e1", "kind": "arrest", "title": "T", "start": "1929-02-30", "claimStatus": "stated",
               "participants": [{ "person": "someone", "role": "arrested" }],
               "evidence": [{ "source": "doc-a", "locator": "p. 1" }] }]
            """);
        Assert.Equal(Path.Combine("events", "x.json"), ex.File);
        Assert.Equal("e1", ex.Record);
        Assert.Equal("start", ex.Field);
        Assert.Contains("no day 30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_broken_deep_in_a_record_names_the_nested_field()
    {
        var ex = Load("""
            [{ "id": "e2", "kind": "arrest", "title": "T", "start": "1929", "claimStatus": "stated",
               "participants": [{ "person": "someone", "role": "arrested" }],
               "evidence": [{ "source": "doc-a", "locator": "" }] }]
            """);
        Assert.Equal("e2", ex.Record);
        Assert.Equal("evidence[0].locator", ex.Field);
    }

    [Fact]
    public void An_unknown_person_is_reported_with_its_id()
    {
        var ex = Load("""
            [{ "id": "e3", "kind": "trial", "title": "T", "start": "1929", "claimStatus": "stated",
               "participants": [{ "person": "nobody", "role": "defendant" }],
               "evidence": [{ "source": "doc-a", "locator": "p. 2" }] }]
            """);
        Assert.Equal("participants[0].person", ex.Field);
        Assert.Contains("'nobody'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_with_its_line()
    {
        var ex = Load("""
            [{ "id": "e4", "kind": "arrest", "titel": "T" }]
            """);
        Assert.NotNull(ex.Line);
        Assert.Contains("titel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validator_rule_is_reported_as_the_field_it_concerns()
    {
        var ex = Load("""
            [{ "id": "e5", "kind": "arrest", "title": "T", "start": "1929", "claimStatus": "stated",
               "participants": [{ "person": "someone", "role": "witness" }],
               "evidence": [{ "source": "doc-a", "locator": "p. 3" }] }]
            """);
        Assert.Equal("participants", ex.Field);
        Assert.Contains("arrested person", ex.Message, StringComparison.Ordinal);
    }
}
