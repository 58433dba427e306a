using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;
using Timeline.Web.Importing;
using static Timeline.Tests.Support.TestActors;

namespace Timeline.Tests.Web;

/// <summary>The import's test hook: a run holds at the stage the pause file names, and only there.</summary>
public sealed class ImportPauseTests : IDisposable
{
    private readonly TestDatabase _db = new(seeded: true);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "pause-" + Guid.NewGuid().ToString("N"));

    public ImportPauseTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string PauseFile => Path.Combine(_folder, "pause");

    private sealed class PickedFile(string name, byte[] content) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => content.Length;
        public string ContentType => "application/json";
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(content);
    }

    private static async Task<IBrowserFile> DatasetAsync()
    {
        using var stream = new MemoryStream();
        await new SyntheticData(new SyntheticOptions { Events = 50, Persons = 10, Sources = 3, Seed = 4 }).WriteJsonAsync(stream);
        return new PickedFile("purges.json", stream.ToArray());
    }

    /// <summary>Starts a run with the hook configured as the app reads it, and the first status of each stage it reaches.</summary>
    private (Task<ImportOutcome> Run, Func<string, Task> Reached) Start(IBrowserFile file, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ImportPause.Setting, PauseFile)]).Build();
        var stages = new Dictionary<string, TaskCompletionSource>();
        TaskCompletionSource Stage(string s)
        {
            lock (stages) return stages.TryGetValue(s, out var t) ? t : stages[s] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        var run = new ImportRun(_db.Get<ImportCommands>(), _folder, ImportPause.From(configuration))
            .RunAsync(Editor, [file], s => Stage(s.Stage).TrySetResult(), ct);
        return (run, s => Stage(s).Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Theory]
    [InlineData(ImportPause.Upload, "Uploading")]
    [InlineData(ImportPhase.Events, "Importing events")]
    public async Task A_run_holds_at_the_stage_the_pause_file_names_until_it_is_cancelled_and_then_writes_nothing(string stage, string status)
    {
        var database = DatabaseSnapshot.Of(_db);
        await File.WriteAllTextAsync(PauseFile, stage);
        using var cancel = new CancellationTokenSource();
        var (run, reached) = Start(await DatasetAsync(), cancel.Token);

        await reached(status);
        // Held: a run that went on would reach its end in well under this.
        Assert.NotSame(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(1))));
        await cancel.CancelAsync();

        Assert.IsType<ImportOutcome.Cancelled>(await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(database, DatabaseSnapshot.Of(_db));
    }

    [Fact]
    public async Task A_held_run_goes_on_when_the_pause_file_names_another_stage_and_without_the_setting_there_is_no_hook()
    {
        await File.WriteAllTextAsync(PauseFile, ImportPhase.Persons);
        var (run, reached) = Start(await DatasetAsync(), CancellationToken.None);
        await reached("Importing persons");

        await File.WriteAllTextAsync(PauseFile, "none");
        Assert.Equal(50, Assert.IsType<ImportOutcome.Imported>(await run.WaitAsync(TimeSpan.FromSeconds(60))).Result.Events);
        Assert.Null(ImportPause.From(new ConfigurationBuilder().Build()));
    }
}
