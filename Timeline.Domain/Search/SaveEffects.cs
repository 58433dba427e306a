using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Search;

/// <summary>
/// What a save changes in derived data: which events to re-index for search (their text, their people's
/// names, their sources' titles), which sort days to recount (an event's day, kind, status or deletion), and
/// whose event counts to recount (the persons of changed participations and events, and changed persons).
/// </summary>
internal sealed class SaveEffects
{
    private readonly List<Event> _events = [];
    private readonly HashSet<int> _eventIds = [];
    private readonly HashSet<int> _personIds = [];
    private readonly HashSet<int> _sourceIds = [];
    private readonly HashSet<int> _days = [];
    private readonly List<Person> _persons = [];
    private readonly HashSet<int> _countPersonIds = [];
    private readonly HashSet<int> _deletedOrRestored = [];

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
                    if (entry.State == EntityState.Modified && entry.Property(nameof(Event.IsDeleted)).OriginalValue is bool wasDeleted
                        && wasDeleted != e.IsDeleted) t._deletedOrRestored.Add(e.Id);
                    // A new date can move the event to another month or span class of its persons' month counts, and a new
                    // date, kind or status changes its persons' rows (PersonEvents).
                    if (entry.State == EntityState.Modified && PersonRowColumns.Any(c => entry.Property(c).IsModified))
                        t._deletedOrRestored.Add(e.Id);
                    break;
                case Participation p:
                    AddEvent(t, p.Event, p.EventId);
                    // Its person now and, when it moved (a merge), the one it left.
                    if (p.Person is not null) t._persons.Add(p.Person);
                    t._countPersonIds.Add(p.PersonId);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(Participation.PersonId)).OriginalValue is int was)
                        t._countPersonIds.Add(was);
                    break;
                case EvidenceLink x: AddEvent(t, x.Event, x.EventId); break;
                case PersonName n: if (n.PersonId != 0) t._personIds.Add(n.PersonId); break;
                case Person p:
                    if (entry.State == EntityState.Modified) t._personIds.Add(p.Id);
                    t._persons.Add(p);
                    break;
                case Source s when entry.State == EntityState.Modified: t._sourceIds.Add(s.Id); break;
            }
        }
        return t;
    }

    private static readonly string[] PersonRowColumns =
    [
        nameof(Event.SortMonth), nameof(Event.SpanClass), nameof(Event.SortDay), nameof(Event.EarliestDay), nameof(Event.LatestDay),
        nameof(Event.Kind), nameof(Event.ClaimStatus),
    ];

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

    /// <summary>
    /// Persons whose event counts may have changed, resolved after saving (new rows have their ids): those of changed
    /// participations, the persons of events deleted, restored, redated or given another kind or status (their month
    /// counts and rows), and changed persons (an edit must not write back a stale count).
    /// </summary>
    public async Task<IReadOnlyCollection<int>> CountPersonIdsAsync(TimelineDbContext db, CancellationToken ct)
    {
        var ids = new HashSet<int>(_countPersonIds);
        foreach (var p in _persons) ids.Add(p.Id);
        var events = _deletedOrRestored.ToList();
        if (events.Count > 0)
            ids.UnionWith(await db.Participations.IgnoreQueryFilters().Where(p => events.Contains(p.EventId)).Select(p => p.PersonId).ToListAsync(ct));
        // A key read before saving may have been EF's temporary one; the entity itself gives the real one.
        ids.RemoveWhere(id => id <= 0);
        return ids;
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
