using Microsoft.AspNetCore.Components.Forms;
using Timeline.Domain.Curation;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Seeding;

namespace Timeline.Web.Importing;

/// <summary>How an import from the page ended. Whenever it did not end <see cref="Imported"/>, the database is as it was.</summary>
public abstract record ImportOutcome
{
    public sealed record Imported(string File, ImportResult Result) : ImportOutcome;

    /// <param name="Message">The refusal, or the importer's error naming the file, line, record and field.</param>
    public sealed record Failed(string Message) : ImportOutcome;

    public sealed record Cancelled : ImportOutcome;
}

/// <summary>
/// One import from the page: the picked files are uploaded to a temporary folder, then imported, with progress
/// for both; cancelling works in either, and the temporary folder is deleted however it ends.
/// </summary>
/// <param name="uploadRoot">The folder the upload's own folder is made in (<see cref="DatasetUpload.DefaultRoot"/> in the app).</param>
/// <param name="pause">The test hook that holds the run at a stage; null in production.</param>
public sealed class ImportRun(ImportCommands commands, string uploadRoot, ImportPause? pause = null)
{
    /// <param name="show">Called with each step of progress, on the thread that made it: during the import, not the caller's.</param>
    public async Task<ImportOutcome> RunAsync(Actor actor, IReadOnlyList<IBrowserFile> files, Action<ImportStatus> show, CancellationToken ct)
    {
        DatasetUpload? upload = null;
        try
        {
            // Checked again by the import itself; here so that a refused user's files are never stored.
            ImportCommands.MustImport(actor);
            if (DatasetUpload.Problem(files) is { } problem) return new ImportOutcome.Failed(problem);
            show(ImportStatus.Uploading(0, files.Sum(f => f.Size)));
            if (pause is not null) await pause.AtAsync(ImportPause.Upload, ct);
            upload = await DatasetUpload.SaveAsync(uploadRoot, files, (sent, total) => show(ImportStatus.Uploading(sent, total)), ct);
            var progress = new Reporter(p =>
            {
                show(ImportStatus.Of(p));
                pause?.At(p.Phase, ct);
            });
            // Reading and writing rows is long synchronous work: off the caller's thread, a Blazor circuit stays free
            // to render progress and to hear Cancel.
            var path = upload.Path;
            var name = upload.Name;
            var result = await Task.Run(() => commands.ImportAsync(actor, path, name, progress, ct), ct);
            return new ImportOutcome.Imported(name, result);
        }
        catch (OperationCanceledException)
        {
            return new ImportOutcome.Cancelled();
        }
        catch (Exception e) when (e is DatasetException or IOException or NotAuthorizedException or CurationException)
        {
            return new ImportOutcome.Failed(e.Message);
        }
        finally
        {
            upload?.Dispose();
        }
    }

    // Unlike Progress<T>, reports at once on the importer's thread; the page moves them to its own.
    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
