using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.ImportExport;

namespace Timeline.Web.Importing;

/// <summary>
/// The files an editor picked for an import, copied to a temporary folder of their own because the importer
/// reads paths (and CSV finds persons.csv and sources.csv beside the events file). Disposing deletes the folder.
/// </summary>
public sealed partial class DatasetUpload : IDisposable
{
    /// <summary>
    /// Where the page's uploads go: a folder of the app's own under the system's temporary folder, so that leftovers of
    /// a crashed server can be found and swept (<see cref="SweepStale"/>) without touching anything else there. Several
    /// servers may share it (the tests run many at once), so each upload folder names the process that owns it.
    /// </summary>
    public static string DefaultRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "timeline-uploads");

    /// <summary>Large enough for several hundred thousand events; larger datasets import from the command line.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    private const string Refusal = "Pick one .json dataset file, or one CSV events file together with the persons.csv and sources.csv it needs.";

    private DatasetUpload(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>What to import: the JSON file or the CSV events file, inside <see cref="Folder"/>.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The picked file names, for the result and the import's revision.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Why these files cannot be imported, or null when they can.</summary>
    public static string? Problem(IReadOnlyList<IBrowserFile> files, long maxBytes = MaxBytes)
    {
        if (files.Count == 0) return "Choose a file to import first.";
        var size = files.Sum(f => f.Size);
        if (size > maxBytes)
            return $"The files come to {ImportStatus.Size(size)}; the page takes up to {ImportStatus.Size(maxBytes)}. Import larger datasets from the command line.";
        var extensions = files.Select(f => System.IO.Path.GetExtension(f.Name).ToLowerInvariant()).ToList();
        if (files.Count == 1) return extensions[0] is ".json" or ".csv" ? null : Refusal;
        var names = files.Select(f => StoredName(f.Name)).ToList();
        var ok = extensions.All(e => e == ".csv") && names.Distinct(StringComparer.Ordinal).Count() == names.Count && names.Count(IsEventsFile) == 1;
        return ok ? null : Refusal;
    }

    /// <summary>
    /// Copies the files to a new folder under <paramref name="root"/>, reporting bytes copied of the total; a failure or
    /// cancellation leaves no folder behind.
    /// </summary>
    public static async Task<DatasetUpload> SaveAsync(string root, IReadOnlyList<IBrowserFile> files, Action<long, long> progress, CancellationToken ct,
        long maxBytes = MaxBytes)
    {
        var upload = new DatasetUpload(System.IO.Path.Combine(root, "import-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(upload.Folder);
        try
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(upload.Folder, OwnerFile), Owner(CurrentProcess.Value), ct);
            var total = files.Sum(f => f.Size);
            long copied = 0;
            var buffer = new byte[1 << 16];
            foreach (var file in files)
            {
                var target = System.IO.Path.Combine(upload.Folder, StoredName(file.Name));
                await using (var input = file.OpenReadStream(maxBytes, ct))
                await using (var output = File.Create(target))
                {
                    int read;
                    while ((read = await input.ReadAsync(buffer, ct)) > 0)
                    {
                        await output.WriteAsync(buffer.AsMemory(0, read), ct);
                        copied += read;
                        progress(copied, total);
                    }
                }
                if (files.Count == 1 || IsEventsFile(StoredName(file.Name))) upload.Path = target;
            }
            upload.Name = string.Join(", ", files.Select(f => f.Name));
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    /// <summary>The file in each upload folder naming its owner: the process id and start time of the server that made it.</summary>
    public const string OwnerFile = ".owner";

    private static readonly Lazy<Process> CurrentProcess = new(Process.GetCurrentProcess);

    /// <summary>How <see cref="OwnerFile"/> names a process: its id and start time (ids are reused; the pair is not).</summary>
    public static string Owner(Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{process.Id} {process.StartTime.ToUniversalTime().Ticks}");

    /// <summary>
    /// Deletes the upload folders under <paramref name="root"/> that a server stopped in the middle of an import left
    /// behind: those whose owning process is gone, at once, however young (a killed import's 38 MB no longer wait a day),
    /// and those naming no owner (left by an older version) once untouched for longer than <paramref name="unownedAge"/>.
    /// A folder whose owner still runs (this server or another sharing the folder) is never touched. Returns how many
    /// were deleted.
    /// </summary>
    public static int SweepStale(string root, TimeSpan unownedAge, DateTime? nowUtc = null)
    {
        if (!Directory.Exists(root)) return 0;
        var cutoff = (nowUtc ?? DateTime.UtcNow) - unownedAge;
        var swept = 0;
        foreach (var folder in Directory.EnumerateDirectories(root, "import-*"))
        {
            var owner = ReadOwner(folder);
            if (owner is null ? Directory.GetLastWriteTimeUtc(folder) >= cutoff : IsRunning(owner.Value.Id, owner.Value.StartTicks)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use or not ours to delete: left for the next start.
            }
        }
        return swept;
    }

    private static (int Id, long StartTicks)? ReadOwner(string folder)
    {
        try
        {
            var parts = File.ReadAllText(System.IO.Path.Combine(folder, OwnerFile)).Split(' ');
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
                ? (id, ticks) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunning(int id, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            // Another process may have been given the id since; its start time tells them apart (within a second: the
            // operating system keeps start times coarser than .NET's ticks).
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Cannot tell: keep the folder rather than delete a live import's files.
            return true;
        }
    }

    /// <summary>At start-up: the uploads of servers that stopped in the middle of an import are no one's any more.</summary>
    public static void SweepAbandoned(ILogger logger)
    {
        var swept = SweepStale(DefaultRoot, TimeSpan.FromDays(1));
        if (swept > 0) LogSwept(logger, swept, DefaultRoot);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} abandoned import uploads from {Folder}.")]
    private static partial void LogSwept(ILogger logger, int count, string folder);

    // The browser sends a bare name, but it is still the client's word: never a path. The CSV companions are found
    // by their exact lower-case names, so "Persons.csv" is stored as persons.csv.
    private static string StoredName(string name)
    {
        var bare = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        if (bare.Length == 0 || bare is "." or ".." or OwnerFile) bare = "dataset";
        var lower = bare.ToLowerInvariant();
        return lower is CsvDataset.PersonsFile or CsvDataset.SourcesFile ? lower : bare;
    }

    private static bool IsEventsFile(string storedName) => storedName is not (CsvDataset.PersonsFile or CsvDataset.SourcesFile);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
