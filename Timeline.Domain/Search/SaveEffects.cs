using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Search;

/// <summary>
/// What a save changes in derived data: which events to re-index for search (their text, their people's
/// names, their sources' titles) and which sort days to recount (an event's day, kind, status or deletion).
/// </summary>
internal sealed class SaveEffects
{
    private readonly List<Event> _events = [];
    private readonly HashSet<int> _eventIds = [];
    private readonly HashSet<int> _personIds = [];
    private readonly HashSet<int> _sourceIds = [];
    private readonly HashSet<int> _days = [];

    public static SaveEffects Collect(ChangeTracker tracker)
    {
        var t = new SaveEffects();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Event e:
                    t._events.Add(e);
                    t._eventIds.Add(e.Id);
                    if (entry.State != EntityState.Added) t._days.Add(entry.Property(nameof(Event.SortDay)).OriginalValue as int? ?? e.SortDay);
                    break;
                case Participation p: AddEvent(t, p.Event, p.EventId); break;
                case EvidenceLink x: AddEvent(t, x.Event, x.EventId); break;
                case PersonName n: if (n.PersonId != 0) t._personIds.Add(n.PersonId); break;
                case Person p when entry.State == EntityState.Modified: t._personIds.Add(p.Id); break;
                case Source s when entry.State == EntityState.Modified: t._sourceIds.Add(s.Id); break;
            }
        }
        return t;
    }

    private static void AddEvent(SaveEffects t, Event? e, int id)
    {
        if (e is not null) t._events.Add(e);
        if (id != 0) t._eventIds.Add(id);
    }

    /// <summary>Sort days whose counts may have changed: each changed event's old day and its day now.</summary>
    public IReadOnlyCollection<int> Days()
    {
        var days = new HashSet<int>(_days);
        foreach (var e in _events) days.Add(e.SortDay);
        return days;
    }

    /// <summary>Resolved after saving, when new rows have their ids.</summary>
    public async Task<IReadOnlyCollection<int>> EventIdsAsync(TimelineDbContext db, CancellationToken ct)
    {
        var ids = new HashSet<int>(_eventIds);
        foreach (var e in _events) ids.Add(e.Id);
        if (_personIds.Count > 0)
        {
            var persons = _personIds.ToList();
            ids.UnionWith(await db.Participations.IgnoreQueryFilters().Where(p => persons.Contains(p.PersonId)).Select(p => p.EventId).ToListAsync(ct));
        }
        if (_sourceIds.Count > 0)
        {
            var sources = _sourceIds.ToList();
            ids.UnionWith(await db.EvidenceLinks.IgnoreQueryFilters().Where(x => sources.Contains(x.SourceId)).Select(x => x.EventId).ToListAsync(ct));
        }
        ids.Remove(0);
        return ids;
    }
}
