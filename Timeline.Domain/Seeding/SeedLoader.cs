using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Timeline.Domain.Data;

namespace Timeline.Domain.Seeding;

public sealed record SeedResult(bool Loaded, int Events, int Persons, int Sources);

/// <summary>Loads the seed dataset (seed/README.md) into an empty database; on a non-empty one it does nothing.</summary>
public sealed partial class SeedLoader(IDbContextFactory<TimelineDbContext> factory, ILogger<SeedLoader> logger)
{
    public async Task<SeedResult> LoadIfEmptyAsync(string folder, CancellationToken ct = default)
    {
        await using (var probe = await factory.CreateDbContextAsync(ct))
        {
            var any = await probe.Events.IgnoreQueryFilters().AnyAsync(ct)
                || await probe.Persons.IgnoreQueryFilters().AnyAsync(ct)
                || await probe.Sources.IgnoreQueryFilters().AnyAsync(ct);
            if (any)
            {
                LogSkipped(logger);
                return new SeedResult(false, 0, 0, 0);
            }
        }

        var builder = Read(folder);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Sources.AddRange(builder.Sources.Values);
        db.Persons.AddRange(builder.Persons.Values);
        db.Events.AddRange(builder.Events.Values);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogLoaded(logger, folder, builder.Events.Count, builder.Persons.Count, builder.Sources.Count);
        return new SeedResult(true, builder.Events.Count, builder.Persons.Count, builder.Sources.Count);
    }

    /// <summary>Reads and validates the whole folder; throws <see cref="DatasetException"/> at the first problem.</summary>
    public static DatasetBuilder Read(string folder) => Read(folder, null);

    /// <summary>Checks the whole folder and returns every problem, not just the first (for curating the seed).</summary>
    public static IReadOnlyList<DatasetException> Check(string folder)
    {
        var problems = new List<DatasetException>();
        try { Read(folder, problems); }
        catch (DatasetException ex) { problems.Add(ex); }
        return problems;
    }

    private static DatasetBuilder Read(string folder, List<DatasetException>? problems)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No seed folder at {folder}.");
        var builder = new DatasetBuilder();
        void Each<T>(string file, Action<T> add)
        {
            foreach (var r in ReadFile<T>(folder, file))
            {
                try { add(r); }
                catch (DatasetException ex) when (problems is not null) { problems.Add(ex); }
            }
        }
        Each<SourceRecord>("sources.json", r => builder.Add(r, "sources.json"));
        Each<PersonRecord>("persons.json", r => builder.Add(r, "persons.json"));
        var eventsDir = Path.Combine(folder, "events");
        var files = Directory.Exists(eventsDir)
            ? Directory.GetFiles(eventsDir, "*.json").Select(p => Path.Combine("events", Path.GetFileName(p))).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var file in files) Each<EventRecord>(file, r => builder.Add(r, file));
        return builder;
    }

    internal static List<T> ReadFile<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new DatasetException(file, null, null, "the file is missing.");
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<List<T>>(stream, DatasetJson.Options)
                ?? throw new DatasetException(file, null, null, "the file must hold a JSON array of records.");
        }
        catch (JsonException ex)
        {
            throw new DatasetException(file, null, ex.Path, ex.Message.Split(" Path:")[0], (ex.LineNumber ?? 0) + 1);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database already holds data; seed not loaded.")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed loaded from {Folder}: {Events} events, {Persons} persons, {Sources} sources.")]
    private static partial void LogLoaded(ILogger logger, string folder, int events, int persons, int sources);
}
