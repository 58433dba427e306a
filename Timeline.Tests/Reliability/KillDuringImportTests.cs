using System.Diagnostics;
using Timeline.Domain.ImportExport;
using Timeline.Tests.Browser;
using Timeline.Tests.Support;

namespace Timeline.Tests.Reliability;

/// <summary>
/// The import verb killed with SIGKILL at random moments of a large import: the database must pass SQLite's integrity
/// check and hold the events of before or of after, never of in between.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class KillDuringImportTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    public const int Kills = 5;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    [Fact]
    public async Task An_import_killed_at_any_moment_leaves_a_sound_database_with_all_or_none_of_it()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "synthetic.json");
        var data = new SyntheticData(new SyntheticOptions { Events = 20_000, Persons = 4_000, Sources = 1_000, Seed = 7 });
        await using (var stream = File.Create(file)) await data.WriteJsonAsync(stream);
        // How long the import writes here and now, from its first progress line to its end: the kills fall inside it.
        // A fixed span (0-4 s) made the first kill land after the end on a quiet machine, where the import took 3.5 s.
        TimeSpan writing;
        using (var scratch = new TestDatabase(seeded: true))
        {
            using var whole = await StartImportAsync(file, scratch);
            var timer = Stopwatch.StartNew();
            await whole.WaitForExitAsync();
            writing = timer.Elapsed;
            Assert.Equal(0, whole.ExitCode);
        }
        output.WriteLine($"an import uninterrupted: {writing.TotalSeconds:0.0} s of writing");

        using var db = new TestDatabase(seeded: true);
        var before = DatabaseSnapshot.Count(db, "Events");
        var random = new Random(25);
        var outcomes = new List<string>();

        for (var i = 0; i < Kills; i++)
        {
            using var process = await StartImportAsync(file, db);
            // Then at a random moment of the import, mostly early: an import that ends first counts as "all" and ends the
            // test, which needs a kill that leaves none.
            var started = Stopwatch.StartNew();
            await Task.Delay(writing * (0.8 * random.NextDouble()));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            using (var c = db.OpenConnection())
            {
                Assert.Equal("ok", DatabaseSnapshot.Query(c, "PRAGMA integrity_check", r => r.GetString(0)).Single());
            }
            var now = DatabaseSnapshot.Count(db, "Events");
            Assert.True(now == before || now == before + data.Options.Events, $"kill {i}, {started.Elapsed.TotalSeconds:0.0} s into the import: {now} events, {before} before");
            outcomes.Add(now == before ? "none" : "all");
            output.WriteLine($"kill {i + 1}, {started.Elapsed.TotalSeconds:0.0} s into the import: integrity ok, {(now == before ? "nothing" : "all")} imported");
            if (now != before) break; // Imported whole: a second import would only be refused for its ids.
        }
        Assert.Contains("none", outcomes);
    }

    /// <summary>The import verb on <paramref name="file"/>, once it has begun writing rows.</summary>
    private static async Task<Process> StartImportAsync(string file, TestDatabase db)
    {
        var psi = new ProcessStartInfo(AppServer.AppExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "import", file, $"--ConnectionStrings:Timeline={db.ConnectionString}" }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var importing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            // The verb prints a progress line per phase once rows are being written ("  sources  1,000 of ...").
            if (e.Data?.TrimStart().StartsWith("sources", StringComparison.Ordinal) == true) importing.TrySetResult();
        };
        process.BeginOutputReadLine();
        _ = process.StandardError.ReadToEndAsync();
        await Task.WhenAny(importing.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(importing.Task.IsCompleted, "the import never started");
        return process;
    }
}
