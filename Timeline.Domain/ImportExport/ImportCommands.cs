using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.ImportExport;

/// <summary>What an import revision records: the file as the user named it, what it added, and the ids its events got.</summary>
public sealed record ImportSnapshot(string File, int Sources, int Persons, int Events, long Rows, int? FirstEventId, int? LastEventId);

/// <summary>
/// Imports on behalf of a signed-in user (the web page; the command line uses <see cref="DatasetImporter"/> directly).
/// Only editors and administrators may, one import at a time, and each import is recorded as one revision
/// naming who brought which file, written in the import's own transaction (docs/curation.md, "Imports").
/// </summary>
public sealed class ImportCommands(DatasetImporter importer, TimeProvider clock)
{
    private int _running;

    /// <summary>Refuses an actor who may not import. The page checks before it accepts an upload; the import checks again.</summary>
    public static void MustImport(Actor actor) => actor.MustEdit("import datasets");

    /// <summary>Adds the dataset at <paramref name="path"/>, all or nothing; counts its records first so progress has a total.</summary>
    /// <param name="path">A file or folder, as <see cref="DatasetImporter.Open"/> takes it (usually an upload's temporary copy).</param>
    /// <param name="name">What the user called the file, for the revision.</param>
    /// <exception cref="NotAuthorizedException">The actor is not an editor; nothing was read or written.</exception>
    /// <exception cref="CurationException">Another import is running, or the database is busy; nothing was written.</exception>
    public async Task<ImportResult> ImportAsync(Actor actor, string path, string name, IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        MustImport(actor);
        // SQLite has one writer at a time: a second import would wait for the first's transaction, then fail as "locked".
        if (Interlocked.Exchange(ref _running, 1) == 1)
            throw new CurationException("Another import is running. Try again when it has finished; nothing was imported.");
        try
        {
            progress?.Report(new ImportProgress(ImportPhase.Counting, 0, null, 0));
            var total = RecordCounter.Count(path, ct);
            return await importer.ImportAsync(DatasetImporter.Open(path), total,
                (db, result, token) => RecordAsync(db, actor, name, result, token), progress, ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            throw new CurationException("The database is busy with another write, perhaps a command-line import. Nothing was imported; try again later.");
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task RecordAsync(TimelineDbContext db, Actor actor, string name, ImportResult result, CancellationToken ct)
    {
        // The import holds the only write transaction and numbers its events in one run, so they are the newest ids.
        var last = await db.Events.IgnoreQueryFilters().MaxAsync(e => (int?)e.Id, ct);
        var events = result.Events > 0 ? (First: last - result.Events + 1, Last: last) : (First: null, Last: null);
        db.Revisions.Add(new Revision
        {
            EntityType = EntityTypes.Import, EntityId = 0, Version = 1, Action = RevisionAction.Created,
            UserId = actor.UserId, UserName = actor.UserName, At = clock.GetUtcNow().UtcDateTime,
            Snapshot = Diff.Serialize(new ImportSnapshot(name, result.Sources, result.Persons, result.Events, result.Rows, events.First, events.Last)),
        });
        await db.SaveChangesAsync(ct);
    }
}
