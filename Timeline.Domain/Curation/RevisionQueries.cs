using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Curation;

public sealed record RevisionView(int Id, int Version, RevisionAction Action, string UserName, DateTime At,
    IReadOnlyList<FieldChange> Changes, bool IsMerge, bool CanRestore);

public sealed record TrashItem(string EntityType, int Id, string Title, DateTime? DeletedAt, string? DeletedBy);

/// <summary>Reads history and the trash.</summary>
public sealed class RevisionQueries(IDbContextFactory<TimelineDbContext> factory)
{
    public async Task<IReadOnlyList<RevisionView>> HistoryAsync(string entityType, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Revisions.AsNoTracking().Where(r => r.EntityType == entityType && r.EntityId == id)
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        var undone = rows.Where(r => r.Action == RevisionAction.Unmerged).Select(r => r.Details).ToHashSet(StringComparer.Ordinal);
        return rows.Select((r, i) => new RevisionView(r.Id, r.Version, r.Action, r.UserName, r.At,
            Diff.Deserialize<List<FieldChange>>(r.Changes),
            IsMerge: r.Action is RevisionAction.Merged or RevisionAction.Absorbed && !undone.Contains(r.Details),
            // The newest revision is the current state; deletions are undone from the trash.
            CanRestore: i > 0 && r.Action is not RevisionAction.Deleted and not RevisionAction.Merged)).ToList();
    }

    /// <summary>The state recorded in one revision, as field/value pairs for display.</summary>
    public async Task<IReadOnlyDictionary<string, string?>?> SnapshotFieldsAsync(int revisionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == revisionId, ct);
        return r?.EntityType switch
        {
            EntityTypes.Event => Diff.Deserialize<Curation.EventSnapshot>(r.Snapshot).Fields(),
            EntityTypes.Person => Diff.Deserialize<PersonSnapshot>(r.Snapshot).Fields(),
            EntityTypes.Source => Diff.Deserialize<SourceSnapshot>(r.Snapshot).Fields(),
            _ => null,
        };
    }

    public async Task<IReadOnlyList<TrashItem>> TrashAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var events = await db.Events.IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => new { e.Id, e.Title }).ToListAsync(ct);
        var persons = await db.Persons.IgnoreQueryFilters().Where(p => p.IsDeleted).Select(p => new { p.Id, Title = p.Name }).ToListAsync(ct);
        var sources = await db.Sources.IgnoreQueryFilters().Where(s => s.IsDeleted).Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        var deletions = await db.Revisions.AsNoTracking().Where(r => r.Action == RevisionAction.Deleted || r.Action == RevisionAction.Merged)
            .GroupBy(r => new { r.EntityType, r.EntityId })
            .Select(g => g.OrderByDescending(r => r.Id).First())
            .ToListAsync(ct);
        TrashItem Item(string type, int id, string title)
        {
            var d = deletions.FirstOrDefault(r => r.EntityType == type && r.EntityId == id);
            return new TrashItem(type, id, title, d?.At, d is null ? null : d.Action == RevisionAction.Merged ? $"{d.UserName} (merged)" : d.UserName);
        }
        return events.Select(e => Item(EntityTypes.Event, e.Id, e.Title))
            .Concat(persons.Select(p => Item(EntityTypes.Person, p.Id, p.Title)))
            .Concat(sources.Select(s => Item(EntityTypes.Source, s.Id, s.Title)))
            .OrderByDescending(t => t.DeletedAt).ToList();
    }
}
