using Timeline.Domain.ImportExport;

namespace Timeline.Web.Importing;

/// <summary>
/// A test hook, off unless the setting <see cref="Setting"/> names a file. An import from the page then stops at the
/// start of the stage that the file names (<see cref="Upload"/>, or an <see cref="ImportPhase"/> such as "events") and
/// waits there until the file names another stage or is deleted, or the import is cancelled. It exists so that the
/// browser test of Cancel lands in a known stage: it used to race an 8,000-event import and, under load, lost.
/// </summary>
public sealed class ImportPause(string file)
{
    public const string Setting = "Timeline:Testing:ImportPauseFile";

    /// <summary>The upload's stage: shown as started, no byte copied yet.</summary>
    public const string Upload = "upload";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>The hook when it is configured; null (nothing ever waits) otherwise.</summary>
    public static ImportPause? From(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } file ? new ImportPause(file) : null;

    /// <summary>Waits at a stage without blocking: the upload runs on the page's circuit, which must stay free to hear Cancel.</summary>
    public async Task AtAsync(string stage, CancellationToken ct)
    {
        while (Holds(stage)) await Task.Delay(Poll, ct);
    }

    /// <summary>Waits at a stage on the importer's own thread (inside its transaction), which may block.</summary>
    public void At(string stage, CancellationToken ct)
    {
        while (Holds(stage))
            if (ct.WaitHandle.WaitOne(Poll)) ct.ThrowIfCancellationRequested();
    }

    private bool Holds(string stage) => File.Exists(file) && string.Equals(File.ReadAllText(file).Trim(), stage, StringComparison.Ordinal);
}
