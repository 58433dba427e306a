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

    /// <summary>A source's evidence rows a page at a time, in date order, and how many fall in each year of the whole list.</summary>
    public async Task<SourceDetails?> GetSourceAsync(int id, int page = 1, int pageSize = SourcePageSize, CancellationToken ct = default)
    {
        var source = await catalog.GetSourceAsync(id, ct);
        if (source is null) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var links = db.EvidenceLinks.AsNoTracking().Where(x => x.SourceId == id);
        // Years by the events' sort month: a year holds the links whose event sorts in it, as the rows are ordered.
        var years = await links.GroupBy(x => x.Event!.SortMonth / 12)
            .Select(g => new { Year = g.Key, Links = g.Count(), Events = g.Select(x => x.EventId).Distinct().Count() })
            .OrderBy(g => g.Year).ToListAsync(ct);
        var total = years.Sum(y => y.Links);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await links
            .OrderBy(x => x.Event!.SortDay).ThenBy(x => x.EventId).ThenBy(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new SourceEvidenceView(x.Id, x.EventId, x.Event!.Title, x.Event.Kind, x.Event.Start, x.Event.End,
                x.Event.ClaimStatus, x.Locator, x.Stance, x.Note, x.EvidenceDate))
            .ToListAsync(ct);
        var before = 0;
        var spans = new List<SourceYearView>();
        foreach (var y in years)
        {
            spans.Add(new SourceYearView(y.Year, y.Links, y.Events, before / pageSize + 1));
            before += y.Links;
        }
        var events = await links.Select(x => x.EventId).Distinct().CountAsync(ct);
        return new SourceDetails(source, rows, total, events, page, pageSize, spans);
    }

    /// <summary>Rows of a source page: enough to read a year's evidence at once, few enough to render quickly.</summary>
    public const int SourcePageSize = 100;

    /// <summary>Whether the id was an event, person or source that is now in the trash (so a page can say so).</summary>
    public async Task<bool> IsDeletedAsync(string entity, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return entity switch
        {
            "event" => await db.Events.IgnoreQueryFilters().AnyAsync(e => e.Id == id && e.IsDeleted, ct),
            "person" => await db.Persons.IgnoreQueryFilters().AnyAsync(p => p.Id == id && p.IsDeleted, ct),
            "source" => await db.Sources.IgnoreQueryFilters().AnyAsync(s => s.Id == id && s.IsDeleted, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "An event, person or source."),
        };
    }
}
