using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Seeding;
using Timeline.Tests.ImportExport;
using Timeline.Tests.Support;
using static Timeline.Tests.Support.TestActors;

namespace Timeline.Tests.Data;

/// <summary>Imports on behalf of a user: who may, what is recorded, and that a refusal or failure changes nothing.</summary>
public sealed class ImportCommandsTests : IDisposable
{
    private static readonly SyntheticOptions Small = new() { Events = 300, Persons = 60, Sources = 15, Seed = 5 };

    private readonly TestDatabase _db = new(seeded: true);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "commands-" + Guid.NewGuid().ToString("N"));

    public ImportCommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, true);
    }

    private ImportCommands Commands => _db.Get<ImportCommands>();

    private async Task<string> SyntheticFileAsync(SyntheticOptions options)
    {
        var path = Path.Combine(_folder, "synthetic.json");
        await using var stream = File.Create(path);
        await new SyntheticData(options).WriteJsonAsync(stream);
        return path;
    }

    public static TheoryData<string> Refused => ["reader", "visitor"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_reader_or_visitor_is_refused_before_the_file_or_the_database_is_touched(string who)
    {
        var actor = who == "reader" ? Reader : Actor.Anonymous;
        var before = DatabaseSnapshot.Of(_db);

        // The path does not exist: a refusal, not a missing file, shows the check comes before any reading.
        var ex = await Assert.ThrowsAsync<NotAuthorizedException>(() => Commands.ImportAsync(actor, Path.Combine(_folder, "absent.json"), "absent.json"));

        Assert.Contains("Only editors can import datasets", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseSnapshot.Of(_db));
    }

    [Fact]
    public async Task An_editors_import_adds_the_records_and_one_revision_naming_the_editor_the_file_and_the_new_event_ids()
    {
        var path = await SyntheticFileAsync(Small);
        int eventsBefore;
        using (var db = _db.NewContext()) eventsBefore = await db.Events.CountAsync();

        var result = await Commands.ImportAsync(Editor, path, "purges.json");

        Assert.Equal((300, 60, 15), (result.Events, result.Persons, result.Sources));
        using var ctx = _db.NewContext();
        Assert.Equal(eventsBefore + 300, await ctx.Events.CountAsync());
        var revision = Assert.Single(await ctx.Revisions.Where(r => r.EntityType == EntityTypes.Import).ToListAsync());
        Assert.Equal(("u-editor", "editor@example.org", RevisionAction.Created), (revision.UserId, revision.UserName, revision.Action));
        var snapshot = Diff.Deserialize<ImportSnapshot>(revision.Snapshot);
        Assert.Equal(("purges.json", 300, 60, 15, result.Rows), (snapshot.File, snapshot.Events, snapshot.Persons, snapshot.Sources, snapshot.Rows));
        var inRange = await ctx.Events.CountAsync(e => e.Id >= snapshot.FirstEventId && e.Id <= snapshot.LastEventId);
        Assert.Equal((300, eventsBefore + 300), (inRange, snapshot.LastEventId! - snapshot.FirstEventId! + 1 + eventsBefore));
    }

    [Fact]
    public async Task Progress_starts_with_counting_and_every_later_report_knows_the_total()
    {
        var path = await SyntheticFileAsync(Small);
        var seen = new List<ImportProgress>();

        await Commands.ImportAsync(Editor, path, "synthetic.json", new InlineProgress(seen.Add));

        Assert.Equal(ImportPhase.Counting, seen[0].Phase);
        Assert.All(seen.Skip(1), p => Assert.Equal(375, p.Total));
        Assert.Equal(ImportPhase.Done, seen[^1].Phase);
    }

    [Fact]
    public async Task A_failed_import_records_no_revision_and_leaves_the_database_unchanged()
    {
        var path = await SyntheticFileAsync(Small);
        // The last event gets a kind the dataset does not know.
        var text = await File.ReadAllTextAsync(path);
        var last = text.LastIndexOf("\"kind\": \"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text[..last] + "\"kind\": \"coronation-" + text[(last + 9)..]);
        var before = DatabaseSnapshot.Of(_db);

        var ex = await Assert.ThrowsAsync<DatasetException>(() => Commands.ImportAsync(Editor, path, "synthetic.json"));

        Assert.Equal(("synthetic.json", "kind"), (ex.File, ex.Field));
        Assert.NotNull(ex.Line);
        Assert.NotNull(ex.Record);
        Assert.Equal(before, DatabaseSnapshot.Of(_db));
    }

    [Fact]
    public async Task Cancelling_once_events_are_being_written_records_no_revision_and_leaves_the_database_unchanged()
    {
        var path = await SyntheticFileAsync(Small);
        var before = DatabaseSnapshot.Of(_db);
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Phase == ImportPhase.Events) cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Commands.ImportAsync(Editor, path, "synthetic.json", progress, cancel.Token));

        Assert.Equal(before, DatabaseSnapshot.Of(_db));
    }

    [Fact]
    public async Task A_second_import_while_one_runs_is_refused_and_the_first_completes()
    {
        var path = await SyntheticFileAsync(Small);
        Task<ImportResult>? second = null;
        var progress = new InlineProgress(p =>
        {
            if (p.Phase == ImportPhase.Counting) second = Commands.ImportAsync(Editor, path, "again.json");
        });

        var first = await Commands.ImportAsync(Editor, path, "synthetic.json", progress);

        var refusal = await Assert.ThrowsAsync<CurationException>(() => second!);
        Assert.Contains("Another import is running", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(300, first.Events);
        using var ctx = _db.NewContext();
        Assert.Equal(1, await ctx.Revisions.CountAsync(r => r.EntityType == EntityTypes.Import));
    }
}
