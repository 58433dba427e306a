using System.Diagnostics;
using Timeline.Tests.Browser;
using Timeline.Tests.Support;
using Timeline.Web.Importing;

namespace Timeline.Tests.Web;

/// <summary>
/// Upload folders left by a server killed during an import are removed at the next start, however young, while the
/// uploads of servers still running (several share the folder) are never touched.
/// </summary>
public sealed class UploadSweepTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-tests", "sweep-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _made = [];

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        foreach (var folder in _made.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>An upload folder as a server makes it, owned by <paramref name="owner"/>, with a file in it.</summary>
    private string Upload(string root, string owner)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "import-" + Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, DatasetUpload.OwnerFile), owner);
        File.WriteAllBytes(Path.Combine(folder, "purges.json"), new byte[4096]);
        _made.Add(folder);
        return folder;
    }

    private static Process Sleeper(int seconds) => Process.Start(new ProcessStartInfo("sleep", seconds.ToString()) { UseShellExecute = false })!;

    /// <summary>The owner line of a process that has run and exited, as a killed server leaves it.</summary>
    private static async Task<string> GoneOwnerAsync()
    {
        using var process = Sleeper(0);
        var owner = DatasetUpload.Owner(process);
        await process.WaitForExitAsync();
        return owner;
    }

    [Fact]
    public async Task A_young_upload_whose_server_is_gone_is_swept_and_one_whose_server_runs_is_kept()
    {
        using var live = Sleeper(60);
        var kept = Upload(_root, DatasetUpload.Owner(live));
        var gone = Upload(_root, await GoneOwnerAsync());
        var ours = Upload(_root, DatasetUpload.Owner(Process.GetCurrentProcess()));

        Assert.Equal(1, DatasetUpload.SweepStale(_root, TimeSpan.FromDays(1)));

        Assert.False(Directory.Exists(gone));
        Assert.True(Directory.Exists(kept));
        Assert.True(Directory.Exists(ours));
        live.Kill();
        await live.WaitForExitAsync();
        Assert.Equal(1, DatasetUpload.SweepStale(_root, TimeSpan.FromDays(1)));
        Assert.False(Directory.Exists(kept));
    }

    [Fact]
    public async Task A_process_id_reused_by_another_process_does_not_keep_a_dead_servers_upload()
    {
        using var other = Sleeper(60);
        // The id of a running process, but a start time it does not have: the server that wrote it is gone.
        var folder = Upload(_root, $"{other.Id} {other.StartTime.ToUniversalTime().AddMinutes(-5).Ticks}");

        Assert.Equal(1, DatasetUpload.SweepStale(_root, TimeSpan.FromDays(1)));

        Assert.False(Directory.Exists(folder));
        other.Kill();
        await other.WaitForExitAsync();
    }

    [Fact]
    public async Task A_starting_server_sweeps_a_killed_servers_upload_but_not_a_running_ones()
    {
        using var live = Sleeper(120);
        var running = Upload(DatasetUpload.DefaultRoot, DatasetUpload.Owner(live));
        var killed = Upload(DatasetUpload.DefaultRoot, await GoneOwnerAsync());
        using var database = new TestDatabase(seeded: true);

        await using (await AppServer.StartAsync(database))
        {
            Assert.False(Directory.Exists(killed));
            Assert.True(Directory.Exists(running));
        }
        live.Kill();
        await live.WaitForExitAsync();
    }
}
