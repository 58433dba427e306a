using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Timeline.Domain.Data;
using Timeline.Domain.Model;
using Timeline.Domain.Search;
using Timeline.Domain.Seeding;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Adds a dataset (JSON or CSV, see seed/README.md) to the database, all or nothing. Every record goes
/// through the same <see cref="DatasetBuilder"/> validation as the seed; rows are written by a
/// <see cref="BulkWriter"/> in one transaction, the new events are added to the search index by id range as
/// they are written, and for large imports some indexes are built once at the end (<see cref="DeferredIndexes"/>).
/// A malformed file, an invalid record, an id the database already has or a cancellation rolls everything back.
/// </summary>
public sealed class DatasetImporter(IDbContextFactory<TimelineDbContext> factory)
{
    /// <summary>Records between two progress reports.</summary>
    public int ProgressInterval { get; init; } = 5000;

    /// <summary>New events are added to the search index this many at a time, as the import goes.</summary>
    private const int IndexChunk = 20_000;

    /// <summary>Imports a JSON folder or file, or a CSV file or folder, chosen by what the path is (<see cref="Open"/>).</summary>
    public Task<ImportResult> ImportAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        ImportAsync(Open(path), null, progress, ct);

    /// <summary>
    /// The records at a path: a folder holding events.csv is CSV, any other folder the JSON folder form; a
    /// <c>.csv</c> file is CSV (with persons.csv and sources.csv beside it), a <c>.json</c> file the single-file form.
    /// </summary>
    public static IEnumerable<DatasetEntry> Open(string path)
    {
        if (Directory.Exists(path))
            return File.Exists(Path.Combine(path, CsvDataset.EventsFile)) ? CsvDataset.Read(Path.Combine(path, CsvDataset.EventsFile)) : JsonDataset.Read(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvDataset.Read(path),
            ".json" => JsonDataset.Read(path),
            _ => throw new DatasetException(Path.GetFileName(path), null, null, "import a .json or .csv file, or a dataset folder."),
        };
    }

    /// <summary>Imports records in the order given: sources, then persons, then events.</summary>
    /// <param name="total">How many records there are, when the caller knows (for progress).</param>
    /// <remarks>
    /// Two stages overlap: one thread reads, builds and validates records and gives them ids; this one writes
    /// rows and indexes the new events as it goes. A bounded queue between them keeps memory flat.
    /// </remarks>
    public Task<ImportResult> ImportAsync(IEnumerable<DatasetEntry> entries, long? total,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        ImportAsync(entries, total, null, progress, ct);

    /// <inheritdoc cref="ImportAsync(IEnumerable{DatasetEntry}, long?, IProgress{ImportProgress}?, CancellationToken)"/>
    /// <param name="beforeCommit">
    /// Runs inside the import's transaction once every row is written, so what it writes (an audit revision)
    /// commits with the import or not at all.
    /// </param>
    public async Task<ImportResult> ImportAsync(IEnumerable<DatasetEntry> entries, long? total,
        Func<TimelineDbContext, ImportResult, CancellationToken, Task>? beforeCommit,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(ct);
        // Nothing here goes through SaveChanges; the search index is written by range as events are added.
        db.IndexOnSave = false;
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // A large page cache keeps index pages in memory across a big load; the default is 2 MB.
        Pragma(connection, "cache_size = -262144");
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sqliteTx = (SqliteTransaction)tx.GetDbTransaction();
            var ids = new IdAllocator(connection, sqliteTx);
            var keys = KeyLookup.Load(connection, sqliteTx);
            var deferred = DeferredIndexes.Begin(connection, sqliteTx, total);
            using var writer = new BulkWriter(connection);

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var queue = Channel.CreateBounded<List<Prepared>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(() => PrepareAsync(entries, ids, keys, queue.Writer, stop.Token), stop.Token);

            string? phase = null;
            long done = 0;
            var indexed = ids.FirstEventId - 1;
            void Report(string p) => progress?.Report(new ImportProgress(p, done, total, writer.Rows));
            void Enter(string p)
            {
                if (phase == p) return;
                phase = p;
                Report(p);
            }
            try
            {
                await foreach (var batch in queue.Reader.ReadAllAsync(ct))
                {
                    foreach (var item in batch)
                    {
                        ct.ThrowIfCancellationRequested();
                        switch (item.Entity)
                        {
                            case Source source:
                                Enter(ImportPhase.Sources);
                                Unique(item, "source", () => writer.Write(source));
                                break;
                            case Person person:
                                Enter(ImportPhase.Persons);
                                Unique(item, "person", () => writer.Write(person));
                                break;
                            case Event e:
                                Enter(ImportPhase.Events);
                                Unique(item, "event", () => writer.Write(e));
                                break;
                        }
                        if (++done % ProgressInterval == 0) Report(phase!);
                    }
                    if (writer.LastEventId - indexed >= IndexChunk)
                    {
                        await SearchIndex.IndexRangeAsync(db, indexed + 1, writer.LastEventId, ct);
                        indexed = writer.LastEventId;
                    }
                }
                // Rethrows what stopped the reading side: a malformed file or an invalid record.
                await producer;
            }
            catch
            {
                await stop.CancelAsync();
                try { await producer; }
                catch (Exception) when (producer.IsCanceled || producer.IsFaulted) { /* the first error is the one to report */ }
                throw;
            }

            Enter(ImportPhase.Indexing);
            deferred.Complete(ct);
            if (writer.LastEventId > indexed) await SearchIndex.IndexRangeAsync(db, indexed + 1, writer.LastEventId, ct);
            await EventCounts.AddRangeAsync(db, ids.FirstEventId, writer.LastEventId, ct);
            await PersonEventCounts.UpdateForEventsAsync(db, ids.FirstEventId, writer.LastEventId, ct);
            var result = new ImportResult(writer.Sources, writer.Persons, writer.Events, writer.Rows, clock.Elapsed);
            if (beforeCommit is not null) await beforeCommit(db, result, ct);
            // Past this point the import is complete: a late cancellation must not leave it half-committed.
            await tx.CommitAsync(CancellationToken.None);
            // Fresh statistics, so that the query planner knows the new shape of the data (for example that a
            // claim status is a poor filter and a title range a good one). Sampled: a second at a million rows.
            Pragma(connection, "analysis_limit = 2000");
            using (var analyze = connection.CreateCommand())
            {
                analyze.CommandText = "ANALYZE;";
                analyze.ExecuteNonQuery();
            }
            Enter(ImportPhase.Done);
            return result with { Elapsed = clock.Elapsed };
        }
        finally
        {
            Pragma(connection, "cache_size = -2000");
        }
    }

    /// <summary>An entity ready to write, with where it came from for error messages.</summary>
    private readonly record struct Prepared(object Entity, string Id, string File, long? Line);

    private const int BatchSize = 1000;

    /// <summary>The reading side: records become validated entities with ids, in batches.</summary>
    private static async Task PrepareAsync(IEnumerable<DatasetEntry> entries, IdAllocator ids, KeyLookup keys,
        ChannelWriter<List<Prepared>> queue, CancellationToken ct)
    {
        try
        {
            var builder = new DatasetBuilder { KeepRecords = false, ResolvePerson = keys.Person, ResolveSource = keys.Source };
            var batch = new List<Prepared>(BatchSize);
            foreach (var entry in entries)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    switch (entry.Record)
                    {
                        case SourceRecord r:
                            var source = builder.Add(r, entry.File);
                            ids.Assign(source);
                            keys.Added(source);
                            batch.Add(new Prepared(source, r.Id, entry.File, entry.Line));
                            break;
                        case PersonRecord r:
                            var person = builder.Add(r, entry.File);
                            ids.Assign(person);
                            keys.Added(person);
                            batch.Add(new Prepared(person, r.Id, entry.File, entry.Line));
                            break;
                        case EventRecord r:
                            var e = builder.Add(r, entry.File);
                            ids.Assign(e);
                            batch.Add(new Prepared(e, r.Id, entry.File, entry.Line));
                            break;
                        default:
                            throw new ArgumentException($"Not a dataset record: {entry.Record.GetType().Name}.", nameof(entries));
                    }
                }
                catch (DatasetException ex) when (ex.Line is null)
                {
                    // The builder knows the record and field; the reader knows the line and what the file calls the field.
                    throw new DatasetException(ex.File, ex.Record, entry.FieldName is { } name ? name(ex.Field) : ex.Field, ex.Problem, entry.Line);
                }
                if (batch.Count < BatchSize) continue;
                await queue.WriteAsync(batch, ct);
                batch = new List<Prepared>(BatchSize);
            }
            if (batch.Count > 0) await queue.WriteAsync(batch, ct);
        }
        finally
        {
            queue.TryComplete();
        }
    }

    // The unique index on Key is the check against the database: an id it already has is an error, never an overwrite.
    private static void Unique(Prepared item, string kind, Action write)
    {
        try
        {
            write();
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 2067) // SQLITE_CONSTRAINT_UNIQUE
        {
            throw new DatasetException(item.File, item.Id, "id",
                $"the database already has a {kind} with the id {Excerpt.Quote(item.Id)}; an import only adds records, it never replaces one. " +
                $"Rename the record, or leave it out and refer to the existing {kind} by its id.", item.Line);
        }
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA " + pragma + ";";
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Finds persons and sources by id: those this import has added, then those already in the database (live
    /// ones, whose keys are read once at the start). Returns one shared stub per id, holding what the writer needs.
    /// Used by the reading side only.
    /// </summary>
    private sealed class KeyLookup
    {
        private readonly Dictionary<string, Person> _persons = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _existingPersons;
        private readonly Dictionary<string, int> _existingSources;

        private KeyLookup(Dictionary<string, int> persons, Dictionary<string, int> sources)
        {
            _existingPersons = persons;
            _existingSources = sources;
        }

        public static KeyLookup Load(SqliteConnection connection, SqliteTransaction tx)
        {
            Dictionary<string, int> Keys(string table)
            {
                using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"SELECT \"Key\", \"Id\" FROM \"{table}\" WHERE \"Key\" IS NOT NULL AND \"IsDeleted\" = 0;";
                using var r = cmd.ExecuteReader();
                var keys = new Dictionary<string, int>(StringComparer.Ordinal);
                while (r.Read()) keys[r.GetString(0)] = r.GetInt32(1);
                return keys;
            }
            return new KeyLookup(Keys("Persons"), Keys("Sources"));
        }

        public void Added(Person p) => _persons[p.Key!] = new Person { Id = p.Id, Key = p.Key };
        public void Added(Source s) => _sources[s.Key!] = new Source { Id = s.Id, Key = s.Key };

        public Person? Person(string key)
        {
            if (_persons.TryGetValue(key, out var p)) return p;
            return _existingPersons.TryGetValue(key, out var id) ? _persons[key] = new Person { Id = id, Key = key } : null;
        }

        public Source? Source(string key)
        {
            if (_sources.TryGetValue(key, out var s)) return s;
            return _existingSources.TryGetValue(key, out var id) ? _sources[key] = new Source { Id = id, Key = key } : null;
        }
    }
}
