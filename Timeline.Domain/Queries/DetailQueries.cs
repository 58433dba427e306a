using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;

namespace Timeline.Domain.Queries;

/// <summary>
/// What the detail pages show around one event, person or source: the record itself (from
/// <see cref="EventQueries"/> and <see cref="CatalogQueries"/>) and the records it connects to.
/// </summary>
public sealed class DetailQueries(IDbContextFactory<TimelineDbContext> factory, EventQueries events, CatalogQueries catalog)
{
    /// <summary>At most this many related events are listed; the closest in time win.</summary>
    public const int RelatedLimit = 20;

    /// <summary>How many co-appearing persons a person page lists.</summary>
    public const int CompanionLimit = 10;

    /// <summary>How far either side of an event's possible dates a related event may lie.</summary>
    public const int RelatedWindowDays = 365;

    public async Task<EventDetails?> GetEventAsync(int id, CancellationToken ct = default)
    {
        var view = await events.GetAsync(id, ct);
        if (view is null) return null;
        var people = view.Participants.Select(p => p.PersonId).Distinct().ToList();
        if (people.Count == 0) return new EventDetails(view, [], 0);

        await using var db = await factory.CreateDbContextAsync(ct);
        // Overlap, not containment: a loosely dated event that may fall in the window counts, as in the year filters.
        var lo = view.Earliest.DayNumber - RelatedWindowDays;
        var hi = view.Latest.DayNumber + RelatedWindowDays;
        var sortDay = view.Start.SortKey.DayNumber;
        var near = db.Events.AsNoTracking().Where(e => e.Id != id && e.LatestDay >= lo && e.EarliestDay <= hi
            && db.Participations.Any(p => p.EventId == e.Id && people.Contains(p.PersonId)));
        var total = await near.CountAsync(ct);
        var rows = await near.OrderBy(e => Math.Abs(e.SortDay - sortDay)).ThenBy(e => e.SortDay).ThenBy(e => e.Id)
            .Take(RelatedLimit)
            .Select(e => new { e.Id, e.Title, e.Kind, e.Start, e.End, e.ClaimStatus, e.SortDay })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var shared = (await db.Participations.AsNoTracking()
            .Where(p => ids.Contains(p.EventId) && people.Contains(p.PersonId))
            .Select(p => new { p.EventId, p.PersonId, p.Person!.Name })
            .ToListAsync(ct))
            .ToLookup(p => p.EventId);
        // Shared people are named in the order this event lists them.
        var related = rows.OrderBy(r => r.SortDay).ThenBy(r => r.Id)
            .Select(r => new RelatedEventView(r.Id, r.Title, r.Kind, r.Start, r.End, r.ClaimStatus,
                shared[r.Id].DistinctBy(p => p.PersonId).OrderBy(p => people.IndexOf(p.PersonId))
                    .Select(p => new PersonRef(p.PersonId, p.Name)).ToList()))
            .ToList();
        return new EventDetails(view, related, total);
    }

    public async Task<PersonDetails?> GetPersonAsync(int id, CancellationToken ct = default)
    {
        var person = await catalog.GetPersonAsync(id, ct);
        if (person is null) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var parts = await db.Participations.AsNoTracking().Where(p => p.PersonId == id)
            .OrderBy(p => p.Event!.SortDay).ThenBy(p => p.EventId).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.EventId, p.Event!.Title, p.Event.Kind, p.Event.Start, p.Event.End, p.Event.EarliestDay, p.Event.LatestDay,
                p.Event.ClaimStatus, p.Role, p.Outcome,
            })
            .ToListAsync(ct);
        var personEvents = parts.GroupBy(p => p.EventId).Select(g =>
        {
            var e = g.First();
            var outcomes = g.Select(p => p.Outcome).OfType<string>().Distinct().ToList();
            return new PersonEventView(e.EventId, e.Title, e.Kind, e.Start, e.End, e.EarliestDay, e.LatestDay, e.ClaimStatus,
                g.Select(p => p.Role).Distinct().ToList(), outcomes.Count == 0 ? null : string.Join("; ", outcomes));
        }).ToList();

        var mine = db.Participations.Where(p => p.PersonId == id).Select(p => p.EventId);
        var companions = await db.Participations.AsNoTracking()
            .Where(p => p.PersonId != id && mine.Contains(p.EventId))
            .GroupBy(p => new { p.PersonId, p.Person!.Name })
            .Select(g => new { g.Key.PersonId, g.Key.Name, Count = g.Select(p => p.EventId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name).ThenBy(g => g.PersonId)
            .Take(CompanionLimit)
            .ToListAsync(ct);
        return new PersonDetails(person, personEvents,
            companions.Select(c => new CompanionView(c.PersonId, c.Name, c.Count)).ToList());
    }

    public async Task<SourceDetails?> GetSourceAsync(int id, CancellationToken ct = default)
    {
        var source = await catalog.GetSourceAsync(id, ct);
        if (source is null) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.EvidenceLinks.AsNoTracking().Where(x => x.SourceId == id)
            .OrderBy(x => x.Event!.SortDay).ThenBy(x => x.EventId).ThenBy(x => x.Id)
            .Select(x => new SourceEvidenceView(x.Id, x.EventId, x.Event!.Title, x.Event.Kind, x.Event.Start, x.Event.End,
                x.Event.ClaimStatus, x.Locator, x.Stance, x.Note, x.EvidenceDate))
            .ToListAsync(ct);
        return new SourceDetails(source, rows);
    }
}
