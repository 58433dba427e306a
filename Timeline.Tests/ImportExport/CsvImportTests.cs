using Microsoft.EntityFrameworkCore;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

public sealed class CsvImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "csv-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _db = new();

    public CsvImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    private const string Header =
        "key,kind,title,summary,place,start,end,calendar,claim_status,participants,evidence,date_claims,court,arrest_agency,arrest_place,arrest_charge,expelled_from,expulsion_organisation,expulsion_body,expulsion_reason\n";

    private void Companions()
    {
        Write("sources.csv", """
            key,title,kind,archive,fond,opis,delo,pages
            doc-a,A document,archival-document,RGASPI,17,171,136,94-126
            essay,"An essay, with a comma",web-page,,,,,
            """);
        Write("persons.csv", """
            key,name,variants,born
            miasnikov-gavriil,Gavriil Miasnikov,Myasnikov|Гавриил Мясников,julian:1889-02-01
            trotsky-leon,Leon Trotsky,Лев Троцкий,1879
            """);
    }

    [Fact]
    public async Task Events_with_their_persons_and_sources_in_companion_files_are_imported()
    {
        Companions();
        var path = Write("events.csv", Header + """
            mias-arrest,arrest,Miasnikov arrested,"Two lines,
            of summary",Petrograd,1917-10-25,,julian,disputed,miasnikov-gavriil:arrested;outcome=released,doc-a@l. 94|essay@section 2;stance=contradicts;note=a hostile account\; later,doc-a@l. 94;start=julian:1917-10-25;preferred|essay@section 2;start=1918~;note=guess,,Cheka,Petrograd,,,,,
            trial,trial,A trial,,,1936-08-19,1936-08-24,,stated,trotsky-leon:defendant;sentence=death in absentia|miasnikov-gavriil:witness,essay@p. 3,,Military Collegium,,,,,,,
            """);

        var result = await new DatasetImporter(_db.Factory).ImportAsync(path);

        Assert.Equal((2, 2, 2), (result.Sources, result.Persons, result.Events));
        await using var ctx = _db.NewContext();
        var arrest = await ctx.Events.Include(e => e.Evidence).Include(e => e.DateClaims).Include(e => e.Participants)
            .SingleAsync(e => e.Key == "mias-arrest");
        Assert.Equal("25 Oct (7 Nov) 1917", arrest.DateDisplay);
        Assert.Equal("Two lines,\nof summary", arrest.Summary);
        Assert.Equal("Cheka", arrest.ArrestAgency);
        Assert.Equal("released", arrest.Participants.Single().Outcome);
        var hostile = arrest.Evidence.Single(x => x.Locator == "section 2");
        Assert.Equal(Stance.Contradicts, hostile.Stance);
        Assert.Equal("a hostile account; later", hostile.Note);
        Assert.Equal(2, arrest.DateClaims.Count);
        Assert.Equal(2, arrest.Evidence.Count);
        var trial = await ctx.Events.Include(e => e.Participants).SingleAsync(e => e.Key == "trial");
        Assert.Equal("Military Collegium", trial.Court);
        Assert.Equal("death in absentia", trial.Participants.Single(p => p.Role == ParticipantRole.Defendant).Sentence);
        var mias = await ctx.Persons.Include(p => p.Names).SingleAsync(p => p.Key == "miasnikov-gavriil");
        Assert.Equal(3, mias.Names.Count);
        Assert.Equal("1 (13) Feb 1889", mias.Born!.Display);
        Assert.Equal("RGASPI f. 17 op. 171 d. 136 l. 94-126", (await ctx.Sources.SingleAsync(s => s.Key == "doc-a")).Archive!.ToString());
    }

    [Theory]
    [InlineData("e1,arrest,T,,,1929-02-30,,,stated,miasnikov-gavriil:arrested,doc-a@p. 1,,,,,,,,,", "start", "no day 30")]
    [InlineData("e1,arrest,T,,,1929,,,stated,miasnikov-gavriil,doc-a@p. 1,,,,,,,,,", "participants #1", "person-key:role")]
    [InlineData("e1,arrest,T,,,1929,,,stated,miasnikov-gavriil:arrested;rank=high,doc-a@p. 1,,,,,,,,,", "participants #1", "'rank' is not an attribute")]
    [InlineData("e1,arrest,T,,,1929,,,stated,nobody:arrested,doc-a@p. 1,,,,,,,,,", "participants #1 person", "'nobody'")]
    [InlineData("e1,arrest,T,,,1929,,,stated,miasnikov-gavriil:witness,doc-a@p. 1,,,,,,,,,", "participants", "arrested person")]
    [InlineData("e1,arrest,T,,,1929,,,stated,miasnikov-gavriil:arrested,doc-a,,,,,,,,,", "evidence #1", "source-key@locator")]
    [InlineData("e1,arrest,T,,,1929,,,sure,miasnikov-gavriil:arrested,doc-a@p. 1,,,,,,,,,", "claim_status", "'sure'")]
    [InlineData("e1,arrest,T,,,1929,,gregorian-ish,stated,miasnikov-gavriil:arrested,doc-a@p. 1,,,,,,,,,", "calendar", "gregorian or julian")]
    [InlineData("e1,meeting,T,,,1929,,,stated,,doc-a@p. 1,,A court,,,,,,,", "court", "trial events")]
    [InlineData("e1,meeting,T,,,1929,,,stated,,doc-a@p. 1,doc-a@p. 1,,,,,,,,", "date_claims #1", "start=DATE")]
    public async Task A_bad_row_names_the_file_line_record_and_column_and_changes_nothing(string row, string field, string problem)
    {
        Companions();
        var path = Write("events.csv", Header + "ok,meeting,Fine,,,1929,,,stated,,doc-a@p. 1,,,,,,,,,\n" + row + "\n");

        var ex = await Assert.ThrowsAsync<DatasetException>(() => new DatasetImporter(_db.Factory).ImportAsync(path));

        Assert.Equal("events.csv", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Equal("e1", ex.Record);
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, DatabaseSnapshot.Count(_db, "Events"));
        Assert.Equal(0, DatabaseSnapshot.Count(_db, "Persons"));
    }

    [Fact]
    public async Task A_row_after_a_multi_line_cell_is_reported_at_its_own_line()
    {
        Companions();
        var path = Write("events.csv", Header + "ok,meeting,Fine,\"one\ntwo\nthree\",,1929,,,stated,,doc-a@p. 1,,,,,,,,,\nbad,meeting,T,,,1929-13,,,stated,,doc-a@p. 1,,,,,,,,,\n");

        var ex = await Assert.ThrowsAsync<DatasetException>(() => new DatasetImporter(_db.Factory).ImportAsync(path));

        Assert.Equal(5, ex.Line);
        Assert.Equal("start", ex.Field);
    }

    [Fact]
    public async Task A_bad_person_row_names_its_file_line_and_column()
    {
        Write("sources.csv", "key,title,kind\ndoc-a,A,book\n");
        Write("persons.csv", "key,name,died,born\nok,Someone,,\nx,Someone else,1900,1950\n");
        var path = Write("events.csv", Header);

        var ex = await Assert.ThrowsAsync<DatasetException>(() => new DatasetImporter(_db.Factory).ImportAsync(path));

        Assert.Equal(("persons.csv", 3L, "x", "died"), (ex.File, ex.Line!.Value, ex.Record, ex.Field));
    }

    [Fact]
    public async Task An_archive_part_without_an_archive_is_reported_as_the_archive_column()
    {
        Write("sources.csv", "key,title,kind,archive,fond\ndoc-a,A,archival-document,,17\n");
        var ex = await Assert.ThrowsAsync<DatasetException>(() => new DatasetImporter(_db.Factory).ImportAsync(Path.Combine(_folder, "sources.csv")));
        Assert.Equal(("sources.csv", 2L, "archive"), (ex.File, ex.Line!.Value, ex.Field));
    }

    [Theory]
    [InlineData("key,kind,title,start,claim_status,evidence,colour\n", "colour", "not a column")]
    [InlineData("key,kind,title,start,claim_status\n", "evidence", "required column")]
    [InlineData("key,kind,title,start,claim_status,evidence,title\n", "title", "twice")]
    public async Task A_bad_header_is_reported_on_line_one(string header, string field, string problem)
    {
        var path = Write("events.csv", header);
        var ex = await Assert.ThrowsAsync<DatasetException>(() => new DatasetImporter(_db.Factory).ImportAsync(path));
        Assert.Equal((1L, field), (ex.Line!.Value, ex.Field));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_quoting_is_reported_with_its_line()
    {
        Companions();
        var path = Write("events.csv", Header + "ok,meeting,Fine,,,1929,,,stated,,doc-a@p. 1,,,,,,,,,\nx,meeting,\"Half\"quoted,,,1929,,,stated,,doc-a@p. 1,,,,,,,,,\n");
        var ex = await Assert.ThrowsAsync<DatasetException>(() => new DatasetImporter(_db.Factory).ImportAsync(path));
        Assert.Equal(3, ex.Line);
        Assert.Contains("not valid CSV", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_row_in_the_seed_readme_imports()
    {
        Companions();
        var readme = await File.ReadAllTextAsync(Path.Combine(Repo.SeedFolder, "README.md"));
        var start = readme.IndexOf("```csv\n", StringComparison.Ordinal) + "```csv\n".Length;
        var path = Write("events.csv", readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]);

        var result = await new DatasetImporter(_db.Factory).ImportAsync(path);

        Assert.Equal(1, result.Events);
    }

    public static TheoryData<string> Values => new() { "plain", "a|b", "semi;colon", "back\\slash", "all |;\\ three", "" };

    [Theory]
    [MemberData(nameof(Values))]
    public void List_cells_escape_their_separators(string value)
    {
        var cell = CsvLists.Item("key@" + value, ("note", value), ("charge", "x=y"));
        var items = CsvLists.Items(cell + "|second@p. 2");
        Assert.Equal(2, items.Count);
        var (head, attributes) = CsvLists.Item(items[0]);
        Assert.Equal(("key@" + value).Trim(), head);
        Assert.Equal([new("note", value.Trim()), new("charge", "x=y")], attributes);
        Assert.Equal(["a|b", "c"], CsvLists.Values(CsvLists.JoinValues(["a|b", "c"])));
    }
}
