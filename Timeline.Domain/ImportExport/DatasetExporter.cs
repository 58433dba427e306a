using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Queries;
using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

public sealed record ExportResult(int Sources, int Persons, int Events);

/// <summary>
/// Exports the events of a filter (or all of them) as the single-file JSON dataset, as CSV, or as TimelineJS
/// JSON. Everything streams: events come from <see cref="EventQueries.StreamAsync"/> in keyset batches, persons
/// and sources in id order, and writers flush as they go, so memory does not grow with the export. The JSON
/// and CSV forms hold only the persons and sources the exported events refer to, and re-import as they are.
/// </summary>
public sealed class DatasetExporter(IDbContextFactory<TimelineDbContext> factory, EventQueries queries)
{
    private const int Batch = 500;

    public async Task<ExportResult> WriteJsonAsync(Stream output, EventFilter filter, CancellationToken ct = default)
    {
        await using var writer = new DatasetJsonWriter(output);
        int sources = 0, persons = 0, events = 0;
        await foreach (var s in SourcesAsync(filter, ct)) { await writer.WriteAsync(s, ct); sources++; }
        await foreach (var p in PersonsAsync(filter, ct)) { await writer.WriteAsync(p, ct); persons++; }
        await foreach (var e in EventsAsync(filter, ct)) { await writer.WriteAsync(e, ct); events++; }
        await writer.CompleteAsync(ct);
        return new ExportResult(sources, persons, events);
    }

    /// <summary>The events as CSV, and when streams are given for them, the persons and sources they refer to.</summary>
    public async Task<ExportResult> WriteCsvAsync(Stream eventsOutput, Stream? personsOutput, Stream? sourcesOutput, EventFilter filter,
        CancellationToken ct = default)
    {
        int sources = 0, persons = 0, events = 0;
        if (sourcesOutput is not null)
        {
            await using var writer = CsvDatasetWriter.Sources(sourcesOutput);
            await foreach (var s in SourcesAsync(filter, ct)) { await writer.WriteAsync(s, ct); sources++; }
            await writer.CompleteAsync(ct);
        }
        if (personsOutput is not null)
        {
            await using var writer = CsvDatasetWriter.Persons(personsOutput);
            await foreach (var p in PersonsAsync(filter, ct)) { await writer.WriteAsync(p, ct); persons++; }
            await writer.CompleteAsync(ct);
        }
        await using (var writer = CsvDatasetWriter.Events(eventsOutput))
        {
            await foreach (var e in EventsAsync(filter, ct)) { await writer.WriteAsync(e, ct); events++; }
            await writer.CompleteAsync(ct);
        }
        return new ExportResult(sources, persons, events);
    }

    public async Task<ExportResult> WriteTimelineJsAsync(Stream output, EventFilter filter, string headline, string? text = null,
        CancellationToken ct = default)
    {
        await using var writer = new TimelineJsWriter(output, headline, text);
        var events = 0;
        await foreach (var e in queries.StreamAsync(filter, Batch, ct)) { await writer.WriteAsync(e, ct); events++; }
        await writer.CompleteAsync(ct);
        return new ExportResult(0, 0, events);
    }

    /// <summary>The sources evidencing the filter's events, in id order, one batch in memory at a time.</summary>
    public async IAsyncEnumerable<SourceRecord> SourcesAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var last = 0;
        while (true)
        {
            List<Model.Source> batch;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var events = await EventQueries.FilterAsync(db, filter, ct);
                batch = await db.Sources.AsNoTracking()
                    .Where(s => s.Id > last && db.EvidenceLinks.Any(x => x.SourceId == s.Id && events.Any(e => e.Id == x.EventId)))
                    .OrderBy(s => s.Id).Take(Batch).ToListAsync(ct);
            }
            foreach (var s in batch) yield return DatasetRecords.From(s);
            if (batch.Count < Batch) yield break;
            last = batch[^1].Id;
        }
    }

    /// <summary>The persons taking part in the filter's events, with their name variants, in id order.</summary>
    public async IAsyncEnumerable<PersonRecord> PersonsAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var last = 0;
        while (true)
        {
            List<Model.Person> batch;
            ILookup<int, NameVariantRecord> variants;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var events = await EventQueries.FilterAsync(db, filter, ct);
                batch = await db.Persons.AsNoTracking()
                    .Where(p => p.Id > last && db.Participations.Any(x => x.PersonId == p.Id && events.Any(e => e.Id == x.EventId)))
                    .OrderBy(p => p.Id).Take(Batch).ToListAsync(ct);
                var ids = batch.Select(p => p.Id).ToList();
                variants = (await db.PersonNames.AsNoTracking().Where(n => ids.Contains(n.PersonId) && !n.IsPrimary)
                    .OrderBy(n => n.Id).Select(n => new { n.PersonId, n.Name, n.Note }).ToListAsync(ct))
                    .ToLookup(n => n.PersonId, n => new NameVariantRecord(n.Name, n.Note));
            }
            foreach (var p in batch) yield return DatasetRecords.From(p, variants[p.Id].ToList());
            if (batch.Count < Batch) yield break;
            last = batch[^1].Id;
        }
    }

    /// <summary>The filter's events in date order, their person and source ids turned into keys a batch at a time.</summary>
    public async IAsyncEnumerable<EventRecord> EventsAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batch = new List<EventView>(Batch);
        await foreach (var e in queries.StreamAsync(filter, Batch, ct))
        {
            batch.Add(e);
            if (batch.Count < Batch) continue;
            foreach (var r in await ToRecordsAsync(batch, ct)) yield return r;
            batch.Clear();
        }
        foreach (var r in await ToRecordsAsync(batch, ct)) yield return r;
    }

    private async Task<List<EventRecord>> ToRecordsAsync(List<EventView> events, CancellationToken ct)
    {
        if (events.Count == 0) return [];
        var personIds = events.SelectMany(e => e.Participants.Select(p => p.PersonId)).Distinct().ToList();
        var sourceIds = events.SelectMany(e => e.Evidence.Select(x => x.SourceId).Concat(e.DateClaims.Select(c => c.SourceId))).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var persons = await db.Persons.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Key })
            .ToDictionaryAsync(p => p.Id, p => DatasetRecords.PersonKey(p.Id, p.Key), ct);
        var sources = await db.Sources.IgnoreQueryFilters().Where(s => sourceIds.Contains(s.Id)).Select(s => new { s.Id, s.Key })
            .ToDictionaryAsync(s => s.Id, s => DatasetRecords.SourceKey(s.Id, s.Key), ct);
        return events.Select(e => DatasetRecords.From(e, id => persons[id], id => sources[id])).ToList();
    }
}
