using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Search;

/// <summary>Which events a save affects in the search index: their own text, their people's names, their sources' titles.</summary>
internal sealed class SearchTouches
{
    private readonly List<Event> _events = [];
    private readonly HashSet<int> _eventIds = [];
    private readonly HashSet<int> _personIds = [];
    private readonly HashSet<int> _sourceIds = [];

    public static SearchTouches Collect(ChangeTracker tracker)
    {
        var t = new SearchTouches();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Event e: t._events.Add(e); t._eventIds.Add(e.Id); break;
                case Participation p: AddEvent(t, p.Event, p.EventId); break;
                case EvidenceLink x: AddEvent(t, x.Event, x.EventId); break;
                case PersonName n: if (n.PersonId != 0) t._personIds.Add(n.PersonId); break;
                case Person p when entry.State == EntityState.Modified: t._personIds.Add(p.Id); break;
                case Source s when entry.State == EntityState.Modified: t._sourceIds.Add(s.Id); break;
            }
        }
        return t;
    }

    private static void AddEvent(SearchTouches t, Event? e, int id)
    {
        if (e is not null) t._events.Add(e);
        if (id != 0) t._eventIds.Add(id);
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
