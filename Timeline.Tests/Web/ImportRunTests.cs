using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.Curation;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;
using static Timeline.Tests.Support.TestActors;
using Timeline.Web.Importing;

namespace Timeline.Tests.Web;

/// <summary>The import page's work without a browser: which picks are accepted, the upload, cancelling it, and cleaning up.</summary>
public sealed class ImportRunTests : IDisposable
{

    private readonly TestDatabase _db = new(seeded: true);

    // Each test's uploads in a folder of its own: other tests (and the app) upload at the same time.
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-tests", "uploads-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _db.Dispose();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private sealed class PickedFile(string name, byte[] content, Action? onOpen = null) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => content.Length;
        public string ContentType => "application/octet-stream";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            onOpen?.Invoke();
            return new MemoryStream(content);
        }
    }

    private static PickedFile File(string name, int size = 10) => new(name, new byte[size]);

    private static async Task<PickedFile> SyntheticFileAsync(string name, int events)
    {
        using var stream = new MemoryStream();
        await new SyntheticData(new SyntheticOptions { Events = events, Persons = events / 5, Sources = events / 20 + 1, Seed = 8 }).WriteJsonAsync(stream);
        return new PickedFile(name, stream.ToArray());
    }

    private string[] UploadFolders() => Directory.Exists(_root) ? Directory.GetDirectories(_root) : [];

    private Task<ImportOutcome> RunAsync(Actor actor, IReadOnlyList<IBrowserFile> files, Action<ImportStatus>? show = null, CancellationToken ct = default) =>
        new ImportRun(_db.Get<ImportCommands>(), _root).RunAsync(actor, files, show ?? (_ => { }), ct);

    [Fact]
    public void One_json_or_csv_file_is_accepted_and_several_files_only_as_one_csv_events_file_with_its_companions()
    {
        Assert.Null(DatasetUpload.Problem([File("purges.json")]));
        Assert.Null(DatasetUpload.Problem([File("events.csv")]));
        Assert.Null(DatasetUpload.Problem([File("purges.csv"), File("Persons.csv"), File("sources.csv")]));
        Assert.NotNull(DatasetUpload.Problem([]));
        Assert.NotNull(DatasetUpload.Problem([File("notes.txt")]));
        Assert.NotNull(DatasetUpload.Problem([File("a.json"), File("b.json")]));
        Assert.NotNull(DatasetUpload.Problem([File("a.csv"), File("b.csv")]));
        Assert.NotNull(DatasetUpload.Problem([File("persons.csv"), File("sources.csv")]));
        Assert.Contains("command line", DatasetUpload.Problem([File("big.json", 2000)], maxBytes: 1000), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_is_imported_with_progress_for_both_stages_and_its_temporary_folder_is_deleted()
    {
        var seen = new List<ImportStatus>();

        var outcome = await RunAsync(Editor, [await SyntheticFileAsync("purges.json", 100)], s => { lock (seen) seen.Add(s); });

        var imported = Assert.IsType<ImportOutcome.Imported>(outcome);
        Assert.Equal(("purges.json", 100), (imported.File, imported.Result.Events));
        lock (seen)
        {
            Assert.Equal("Uploading", seen[0].Stage);
            Assert.Contains(seen, s => s.Stage == "Uploading" && s.Percent == 100);
            Assert.Contains(seen, s => s.Stage == "Importing events");
        }
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task Cancelling_during_the_upload_ends_cancelled_with_the_database_unchanged_and_nothing_left_on_disk()
    {
        var database = DatabaseSnapshot.Of(_db);
        using var cancel = new CancellationTokenSource();

        var outcome = await RunAsync(Editor, [new PickedFile("big.json", new byte[1 << 20])], s =>
        {
            if (s.Stage == "Uploading" && s.Percent > 0) cancel.Cancel();
        }, cancel.Token);

        Assert.IsType<ImportOutcome.Cancelled>(outcome);
        Assert.Equal(database, DatabaseSnapshot.Of(_db));
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task A_reader_is_refused_before_the_files_are_read()
    {
        var opened = false;

        var outcome = await RunAsync(Reader, [new PickedFile("purges.json", Encoding.UTF8.GetBytes("{}"), () => opened = true)]);

        Assert.Contains("Only editors can import datasets", Assert.IsType<ImportOutcome.Failed>(outcome).Message, StringComparison.Ordinal);
        Assert.False(opened);
    }

    [Fact]
    public async Task An_invalid_csv_row_fails_with_the_file_line_record_and_column_and_imports_nothing()
    {
        var database = DatabaseSnapshot.Of(_db);
        var events = Encoding.UTF8.GetBytes("key,kind,title,start,claim_status,evidence\nnew-1,arrest,Arrested,1929,stated,no-such-source\n");

        var outcome = await RunAsync(Editor, [new PickedFile("purges.csv", events)]);

        var message = Assert.IsType<ImportOutcome.Failed>(outcome).Message;
        Assert.StartsWith("purges.csv line 2, record 'new-1', field 'evidence", message, StringComparison.Ordinal);
        Assert.Equal(database, DatabaseSnapshot.Of(_db));
    }

    [Fact]
    public void Uploads_left_behind_for_more_than_a_day_are_swept_and_younger_ones_are_kept()
    {
        var now = DateTime.UtcNow;
        var stale = Directory.CreateDirectory(Path.Combine(_root, "import-stale")).FullName;
        System.IO.File.WriteAllText(Path.Combine(stale, "purges.json"), "{}");
        Directory.SetLastWriteTimeUtc(stale, now.AddDays(-2));
        var running = Directory.CreateDirectory(Path.Combine(_root, "import-running")).FullName;
        Directory.SetLastWriteTimeUtc(running, now.AddHours(-3));
        var other = Directory.CreateDirectory(Path.Combine(_root, "not-an-upload")).FullName;
        Directory.SetLastWriteTimeUtc(other, now.AddDays(-5));

        Assert.Equal(1, DatasetUpload.SweepStale(_root, TimeSpan.FromDays(1), now));

        Assert.Equal(new[] { other, running }.Order(StringComparer.Ordinal), UploadFolders().Order(StringComparer.Ordinal));
        Assert.Equal(0, DatasetUpload.SweepStale(Path.Combine(_root, "missing"), TimeSpan.FromDays(1), now));
    }
}
