using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

/// <summary>
/// Serves the zoomable timeline one visible range at a time, so the browser never holds more than
/// <see cref="Cap"/> items: the events of the range when there are that few, otherwise counts per
/// period and lane (density buckets) that the client draws as bars.
/// </summary>
public sealed class TimelineQueries(IDbContextFactory<TimelineDbContext> factory)
{
    /// <summary>The most items sent for one range.</summary>
    public const int Cap = 500;

    /// <summary>Persons beyond this many get no lane of their own (an ambiguous name can match dozens).</summary>
    public const int MaxPersonLanes = 12;

    /// <summary>
    /// Whether person-only filters take the persons' paths (month counts, the person tested after span-class unions);
    /// off only to test them against the plain reads of the events.
    /// </summary>
    internal bool ReadPersonMonths { get; init; } = true;

    public async Task<TimelineWindow> WindowAsync(EventFilter filter, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await WindowAsync(db, await ResolveAsync(db, filter, ReadPersonMonths, ct), from, to, ct);
    }

    /// <summary>
    /// The window, and with it every event of the filter when there are at most <paramref name="holdLimit"/> (see
    /// <see cref="TimelineHeld"/>): what the timeline asks for when its filter changes. The filter's persons and text
    /// are resolved once for both.
    /// </summary>
    public async Task<(TimelineHeld? Held, TimelineWindow Window)> OpenAsync(EventFilter filter, DateOnly from, DateOnly to, int holdLimit,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var lanes = await ResolveAsync(db, filter, ReadPersonMonths, ct);
        var held = await HeldAsync(db, lanes, holdLimit, ct);
        return (held, held?.Slice(from, to) ?? await WindowAsync(db, lanes, from, to, ct));
    }

    /// <summary>A filter resolved (names to persons, text to matches) and the lanes it is drawn in.</summary>
    /// <param name="MonthCounts">The filter names only persons, so their month counts (<see cref="PersonMonths"/>) answer it.</param>
    private sealed record Lanes(EventFilter Filter, EventQueries.Resolved Resolved, List<PersonLane>? Persons, List<TimelineLane> All, bool MonthCounts)
    {
        /// <summary>The filter's only person, when it has a lane: that lane's bars are then all the filter's events.</summary>
        public int? OnePerson => MonthCounts && Resolved.PersonIds is [var id] && Persons is [var lane] && lane.Id == id ? id : null;
    }

    private static async Task<Lanes> ResolveAsync(TimelineDbContext db, EventFilter filter, bool readMonths, CancellationToken ct)
    {
        var resolved = await EventQueries.ResolveAsync(db, filter, countMatches: false, ct);
        var persons = resolved.PersonIds is { } matched ? await PersonLanesAsync(db, matched, ct) : null;
        var lanes = persons is null
            ? Enum.GetValues<EventKind>().Select(k => new TimelineLane(LaneOf(k), k.ToString())).ToList()
            : persons.Select(p => new TimelineLane(LaneOf(p.Id), p.Name)).ToList();
        return new Lanes(filter, resolved, persons, lanes, readMonths && persons is not null && PersonMonths.CanAnswer(filter));
    }

    private static async Task<TimelineWindow> WindowAsync(TimelineDbContext db, Lanes resolvedLanes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from) (from, to) = (to, from);
        var (filter, resolved, persons, lanes, _) = resolvedLanes;
        var events = EventQueries.Apply(db, filter, resolved);
        int a = from.DayNumber, b = to.DayNumber;
        // A busy person is read from their month counts first: when the months wholly inside the range already hold
        // more events it could place than the cap, the placeable ones pass the cap below too, and the answer is bars.
        // (The busiest at a million: 83,442 events; any range of a few years holds thousands of them.)
        if (resolvedLanes.OnePerson is { } one && await PersonMonths.PlaceableAtLeastAsync(db, one, a, b, b - a, ct) > Cap)
            return await DensityAsync(db, resolvedLanes, events, from, to, ct);
        // A name's namesakes (several persons, few events each) are read from their rows, never from Events.
        if (resolvedLanes.MonthCounts && resolvedLanes.OnePerson is null && await PersonRows.FewAsync(db, resolved.PersonIds!, ct))
            return await NamesakesAsync(db, resolvedLanes, from, to, ct);
        // One person only: for a common surname's thousands of persons the test after the union measured slower (its
        // list of ~10,000 events met every placeable event of a wide range).
        var (datedIn, arms, among) = resolvedLanes.OnePerson is not null ? await PersonReadsAsync(db, resolvedLanes, a, b, ct) : (events, events, null);
        var aggregatable = persons is null && AggregateCounts.CanAnswer(filter);

        // Dense ranges are recognised from the counts tables, without touching the events.
        var (ya, yb) = EventQueries.YearDays(filter);
        TimelineWindow? bars = null;
        if (aggregatable && Buckets.UnitFor(from, to) >= BucketUnit.Quarter)
        {
            // A range of ten years or more is nearly always dense: count its bars first, and when the bars lying
            // wholly inside the range already hold more than the cap, they are the answer. The counts tables are
            // then read once, not once to decide and again to draw (and if the range turns out dense below, these
            // same bars are returned).
            bars = await DensityAsync(db, resolvedLanes, events, from, to, ct);
            if (bars.Buckets.Where(x => x.Start.DayNumber >= a && x.End.DayNumber <= b).Sum(x => x.Count) > Cap) return bars;
        }
        // Do more events reach into the range than the cap? The counts tables say so for the events dated inside it;
        // counting just past the budget stops early, where ordering thousands of them would not.
        List<int>? ids = null;
        bool crowded;
        if (aggregatable)
        {
            var inside = await AggregateCounts.CountAsync(db, filter, Math.Max(a, ya), Math.Min(b, yb), ct);
            crowded = inside > Cap || inside + await Overlap.Edges(events, a, b, e => e.Id).Take(Cap + 1 - inside).CountAsync(ct) > Cap;
        }
        else
        {
            ids = await EventQueries.OverlapIdsAsync(datedIn, (a, b), EventSort.Date, 0, Cap + 1, ct, edgeEvents: arms, among: among);
            crowded = ids.Count > Cap;
        }
        if (!crowded)
        {
            ids ??= await EventQueries.OverlapIdsAsync(datedIn, (a, b), EventSort.Date, 0, Cap + 1, ct, edgeEvents: arms, among: among);
            if (ids.Count <= Cap) return await ItemsAsync(db, from, to, lanes, persons, ids, [], ct);
        }

        // Crowded. A loosely dated event ("1937") reaches into every week of its year, and at 1,000,000 events
        // thousands do, though far fewer are dated in the week. The events the range can place (no wider than it)
        // are drawn one by one when they fit the cap, the others counted per lane and period; only when even the
        // placeable ones are too many does the view turn to bars.
        var maxSpan = b - a;
        var located = await Overlap.Among(Overlap.Spanning(arms, a, b, maxSpan, wider: false, e => new LooseRow { Id = e.Id, SortDay = e.SortDay }),
                among, r => r.Id)
            .Take(Cap + 1).ToListAsync(ct);
        if (located.Count > Cap) return bars ?? await DensityAsync(db, resolvedLanes, events, from, to, ct);
        var loose = await LooseAsync(db, arms, among, lanes, persons, a, b, maxSpan, ct);
        var placed = located.OrderBy(r => r.SortDay).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        return await ItemsAsync(db, from, to, lanes, persons, placed, loose, ct);
    }

    /// <summary>
    /// The window of a filter made of several persons with few events each (a common surname's namesakes), from their rows
    /// (<see cref="PersonRows"/>) read once: the same answer as the reads of their events below (edges, placeable events,
    /// loose summaries, total), each of which fetched the namesakes' events one by one from Events.
    /// </summary>
    private static async Task<TimelineWindow> NamesakesAsync(TimelineDbContext db, Lanes resolvedLanes, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var (_, resolved, persons, lanes, _) = resolvedLanes;
        int a = from.DayNumber, b = to.DayNumber;
        var reaching = await PersonRows.ReachingAsync(db, resolved.PersonIds!, a, b, ct);
        // A person's row holds the event's days, so one row per event gives them.
        var events = reaching.DistinctBy(r => r.EventId).OrderBy(r => r.SortDay).ThenBy(r => r.EventId).ToList();
        if (events.Count <= Cap) return await ItemsAsync(db, from, to, lanes, persons, events.Select(r => r.EventId).ToList(), [], ct);
        var maxSpan = b - a;
        var placed = events.Where(r => r.LatestDay - r.EarliestDay <= maxSpan).Select(r => r.EventId).ToList();
        if (placed.Count > Cap)
            return await DensityAsync(db, resolvedLanes, EventQueries.Apply(db, resolvedLanes.Filter, resolved), from, to, ct, fromRows: true);
        // Each loose event once in each lane of a person taking part (a row is one person's event).
        var laneIds = persons!.Select(p => p.Id).ToHashSet();
        var counted = reaching.Where(r => r.LatestDay - r.EarliestDay > maxSpan && laneIds.Contains(r.PersonId))
            .GroupBy(r => (r.PersonId, r.EarliestDay, r.LatestDay))
            .Select(g => (LaneOf(g.Key.PersonId), g.Key.EarliestDay, g.Key.LatestDay, g.Count()));
        var loose = LooseDates.Fold(counted, lanes.Select(l => l.Id).ToList());
        return await ItemsAsync(db, from, to, lanes, persons, placed, loose, ct);
    }

    /// <summary>
    /// For a filter of one person: the events to read dated inside a range (the persons' events, tested against the date
    /// index's range when that is the smaller read: a person in 30,072 events fetched each and sorted them for a week),
    /// the events to read in span-class unions with the persons left out, and the persons' events to test after the union.
    /// </summary>
    private static async Task<(IQueryable<Event> Inside, IQueryable<Event> Arms, IQueryable<int>? Among)> PersonReadsAsync(
        TimelineDbContext db, Lanes resolvedLanes, int a, int b, CancellationToken ct)
    {
        var (filter, resolved, _, _, _) = resolvedLanes;
        var persons = resolved.PersonIds!;
        var theirs = await EventQueries.PersonEventsAsync(db, persons, ct);
        var dated = await AggregateCounts.CountAsync(db, new EventFilter(), a, b, ct);
        var probe = dated < (long)theirs * EventQueries.LookupCost;
        var inside = EventQueries.Apply(db, filter, resolved with { PersonEvents = theirs }, personProbeAbove: probe ? 0 : int.MaxValue);
        var arms = EventQueries.Apply(db, new EventFilter(), resolved with { PersonIds = null });
        return (inside, arms, EventQueries.EventsOf(db, persons));
    }

    /// <summary>The window of these events (at most the cap), in this order, each in its lanes.</summary>
    private static async Task<TimelineWindow> ItemsAsync(TimelineDbContext db, DateOnly from, DateOnly to, List<TimelineLane> lanes,
        List<PersonLane>? persons, List<int> ids, List<LooseSummary> loose, CancellationToken ct)
    {
        var byId = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Title, e.Kind, e.ClaimStatus, e.EarliestDay, e.LatestDay, e.Start, e.End,
                Claims = e.DateClaims.Count,
            })
            .ToDictionaryAsync(e => e.Id, ct);
        var rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();

        var items = new List<TimelineItem>(rows.Count);
        ILookup<int, int>? lanesOf = null;
        if (persons is not null)
        {
            var personIds = persons.Select(p => p.Id).ToList();
            // The events are live already; the query filter would only add work for the planner.
            lanesOf = (await db.Participations.IgnoreQueryFilters().AsNoTracking()
                .Where(p => ids.Contains(p.EventId) && personIds.Contains(p.PersonId))
                .Select(p => new { p.EventId, p.PersonId }).Distinct().ToListAsync(ct))
                .ToLookup(p => p.EventId, p => p.PersonId);
        }
        foreach (var r in rows)
        {
            var uncertain = r.Start.IsUncertain || r.Start.Precision != Dates.DatePrecision.Day
                || (r.End is not null && (r.End.IsUncertain || r.End.Precision != Dates.DatePrecision.Day));
            var display = Dates.DateText.Display(r.Start, r.End);
            var disputed = r.ClaimStatus == ClaimStatus.Disputed || r.Claims > 1;
            IEnumerable<string> laneIds = lanesOf is null ? [LaneOf(r.Kind)] : lanesOf[r.Id].Select(LaneOf);
            foreach (var lane in laneIds)
                items.Add(new TimelineItem(r.Id, lane, r.Title, r.Kind, r.ClaimStatus,
                    DateOnly.FromDayNumber(r.EarliestDay), DateOnly.FromDayNumber(r.LatestDay), display, uncertain, disputed));
        }
        var used = UsedLanes(lanes, items.Select(i => i.Lane).Concat(loose.Select(l => l.Lane)));
        return new TimelineWindow(from, to, rows.Count, used, items, [], null) { Loose = loose };
    }

    /// <summary>
    /// The events reaching into [a, b] dated more widely than it, counted per lane, month or year, and other span.
    /// Read from the span-class index alone for kind lanes (23,355 rows for a week of 1937 at 1,000,000 events).
    /// </summary>
    private static async Task<List<LooseSummary>> LooseAsync(TimelineDbContext db, IQueryable<Event> events, IQueryable<int>? among,
        List<TimelineLane> lanes, List<PersonLane>? persons, int a, int b, int maxSpan, CancellationToken ct)
    {
        List<(string Lane, int EarliestDay, int LatestDay, int Count)> counted;
        if (persons is null)
        {
            // Grouped in SQL: a few hundred rows back instead of every event.
            var rows = await Overlap.Spanning(events, a, b, maxSpan, wider: true,
                    e => new LooseRow { Kind = e.Kind, EarliestDay = e.EarliestDay, LatestDay = e.LatestDay })
                .GroupBy(r => new { r.Kind, r.EarliestDay, r.LatestDay })
                .Select(g => new { g.Key.Kind, g.Key.EarliestDay, g.Key.LatestDay, Count = g.Count() }).ToListAsync(ct);
            counted = rows.Select(r => (LaneOf(r.Kind), r.EarliestDay, r.LatestDay, r.Count)).ToList();
        }
        else
        {
            var rows = (await Overlap.Among(Overlap.Spanning(events, a, b, maxSpan, wider: true,
                e => new LooseRow { Id = e.Id, EarliestDay = e.EarliestDay, LatestDay = e.LatestDay }), among, r => r.Id).ToListAsync(ct)).ToDictionary(r => r.Id);
            var ids = rows.Keys.ToList();
            var personIds = persons.Select(p => p.Id).ToList();
            // An event counts once in each lane of a person taking part (as its items are drawn).
            var pairs = await db.Participations.IgnoreQueryFilters().AsNoTracking()
                .Where(p => ids.Contains(p.EventId) && personIds.Contains(p.PersonId))
                .Select(p => new { p.EventId, p.PersonId }).Distinct().ToListAsync(ct);
            counted = pairs.GroupBy(p => (p.PersonId, rows[p.EventId].EarliestDay, rows[p.EventId].LatestDay))
                .Select(g => (LaneOf(g.Key.PersonId), g.Key.EarliestDay, g.Key.LatestDay, g.Count())).ToList();
        }
        return LooseDates.Fold(counted, lanes.Select(l => l.Id).ToList());
    }

    // One shape for every arm of a span-class union: only the members a query sets are read.
    private sealed class LooseRow
    {
        public int Id { get; init; }
        public int SortDay { get; init; }
        public EventKind Kind { get; init; }
        public int EarliestDay { get; init; }
        public int LatestDay { get; init; }
    }

    /// <summary>
    /// Counts per bucket and lane. The range widens to whole buckets, so every bar counts its full period,
    /// and each event counts once, in the bucket of its sort date: the bars of a lane add up to the events of
    /// that lane dated in the (widened) range, which is the total reported.
    /// </summary>
    /// <remarks>
    /// Bars are items too: when the range's unit gives more than <see cref="Cap"/> of them (90 days in 14
    /// lanes could make 1,260), the next wider unit is used, until they fit.
    /// </remarks>
    /// <param name="fromRows">The filter's persons are read from their rows (<see cref="NamesakesAsync"/>), not <paramref name="events"/>.</param>
    private static async Task<TimelineWindow> DensityAsync(TimelineDbContext db, Lanes resolvedLanes, IQueryable<Event> events,
        DateOnly from, DateOnly to, CancellationToken ct, bool fromRows = false)
    {
        for (var unit = Buckets.UnitFor(from, to); ; unit++)
        {
            var window = await DensityAsync(db, resolvedLanes, events, from, to, unit, fromRows, ct);
            if (window.Buckets.Count <= Cap || unit == BucketUnit.Decade) return window;
        }
    }

    private static async Task<TimelineWindow> DensityAsync(TimelineDbContext db, Lanes resolvedLanes, IQueryable<Event> events,
        DateOnly from, DateOnly to, BucketUnit unit, bool fromRows, CancellationToken ct)
    {
        var (filter, resolved, persons, lanes, monthCounts) = resolvedLanes;
        var start = Buckets.Floor(from, unit);
        var end = Buckets.Next(Buckets.Floor(to, unit), unit).AddDays(-1);
        int a = start.DayNumber, b = end.DayNumber;
        List<Counted> counted;
        int total;
        if (persons is null && AggregateCounts.CanAnswer(filter))
        {
            // The counts know nothing of the filter's years: keep to them here.
            var (ya, yb) = EventQueries.YearDays(filter);
            counted = (await AggregateCounts.BucketsAsync(db, filter, Math.Max(a, ya), Math.Min(b, yb), unit, ct))
                .Select(r => new Counted(LaneOf(Enum.Parse<EventKind>(r.Kind)), KeyStart(r.Key, unit), r.Count)).ToList();
            total = counted.Sum(c => c.Count);
        }
        else if (fromRows)
        {
            var dated = await PersonRows.DatedAsync(db, resolved.PersonIds!, a, b, ct);
            var laneIds = persons!.Select(p => p.Id).ToList();
            // Bars of a month or wider from the month counts, as below; days and weeks from the rows (each one person's event).
            counted = unit >= BucketUnit.Month
                ? (await PersonMonths.BucketsAsync(db, laneIds, a, b, unit, ct)).Select(r => new Counted(LaneOf(r.PersonId), KeyStart(r.Key, unit), r.Count)).ToList()
                : dated.Where(r => laneIds.Contains(r.PersonId))
                    .GroupBy(r => (r.PersonId, Key: unit == BucketUnit.Day ? r.SortDay : r.SortDay / 7))
                    .Select(g => new Counted(LaneOf(g.Key.PersonId), KeyStart(g.Key.Key, unit), g.Count())).ToList();
            total = dated.Select(r => r.EventId).Distinct().Count();
        }
        else
        {
            var dated = events.Where(e => e.SortDay >= a && e.SortDay <= b);
            // Persons' bars of a month or wider from their month counts; the range is whole months then.
            counted = persons is null ? await CountByKindAsync(dated, unit, ct)
                : monthCounts && unit >= BucketUnit.Month
                    ? (await PersonMonths.BucketsAsync(db, persons.Select(p => p.Id).ToList(), a, b, unit, ct))
                        .Select(r => new Counted(LaneOf(r.PersonId), KeyStart(r.Key, unit), r.Count)).ToList()
                    : await CountByPersonAsync(db, dated, persons.Select(p => p.Id).ToList(), unit, ct);
            // One person's lane holds each of the filter's events once; several persons may share events.
            total = persons is null || resolvedLanes.OnePerson is not null ? counted.Sum(c => c.Count) : await dated.CountAsync(ct);
        }
        var buckets = counted.Where(c => c.Count > 0)
            .Select(c => new DensityBucket(c.Lane, c.Start, Buckets.Next(c.Start, unit).AddDays(-1), c.Count))
            .OrderBy(x => x.Lane, StringComparer.Ordinal).ThenBy(x => x.Start).ToList();
        return new TimelineWindow(start, end, total, UsedLanes(lanes, buckets.Select(x => x.Lane)), [], buckets, unit);
    }

    /// <summary>
    /// Every event of the filter, in lanes, when there are at most <paramref name="limit"/>: the browser holds them and
    /// answers zoom and pan itself. Null for more, and when the filter's persons are more than the lanes (events of
    /// persons without a lane are counted by the server's windows but drawn in no lane).
    /// </summary>
    public async Task<TimelineHeld?> HeldAsync(EventFilter filter, int limit, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await HeldAsync(db, await ResolveAsync(db, filter, ReadPersonMonths, ct), limit, ct);
    }

    private static async Task<TimelineHeld?> HeldAsync(TimelineDbContext db, Lanes resolvedLanes, int limit, CancellationToken ct)
    {
        var (filter, resolved, persons, lanes, _) = resolvedLanes;
        if (resolved.PersonIds is { Count: > MaxPersonLanes }) return null;
        // Unordered, so SQLite takes the filter's best plan and stops one past the limit (at a million, at once).
        var keys = await EventQueries.Apply(db, filter, resolved).Select(e => new LooseRow { Id = e.Id, SortDay = e.SortDay })
            .Take(limit + 1).ToListAsync(ct);
        if (keys.Count > limit) return null;
        var ids = keys.OrderBy(k => k.SortDay).ThenBy(k => k.Id).Select(k => k.Id).ToList();
        var all = await ItemsAsync(db, DateOnly.MinValue, DateOnly.MaxValue, lanes, persons, ids, [], ct);
        return new TimelineHeld(DateOnly.MinValue, DateOnly.MaxValue, all.Lanes, all.Items);
    }

    /// <summary>The span the filter's events cover, for the timeline's opening view.</summary>
    public async Task<(DateOnly From, DateOnly To)?> ExtentAsync(EventFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Two scalar queries, each the first entry of an ordered read of the date index (or of a kind's or a status's):
        // min and max in one grouped query read every match instead, the whole index without a filter (217–278 ms at
        // a million events). A person or term in more than √(events) events is probed in date order (EventQueries.Apply):
        // the walk meets one in about events/matches entries, where looking the matches up reads each (a person in
        // 18,000 events: 100-300 ms).
        var resolved = await EventQueries.ResolveAsync(db, filter, countMatches: true, ct);
        var all = await db.Events.IgnoreQueryFilters().MaxAsync(e => (int?)e.Id, ct) ?? 0;
        var events = EventQueries.Apply(db, filter, resolved, probe: true, probeAbove: (int)Math.Sqrt(all));
        var first = await events.OrderBy(e => e.SortDay).Select(e => (int?)e.SortDay).FirstOrDefaultAsync(ct);
        if (first is null) return null;
        var last = await events.OrderByDescending(e => e.SortDay).Select(e => e.SortDay).FirstAsync(ct);
        return (DateOnly.FromDayNumber(first.Value), DateOnly.FromDayNumber(last));
    }

    public static string LaneOf(EventKind kind) => "k-" + kind.ToString().ToLowerInvariant();
    public static string LaneOf(int personId) => "p-" + personId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<TimelineLane> UsedLanes(List<TimelineLane> lanes, IEnumerable<string> used)
    {
        var set = used.ToHashSet(StringComparer.Ordinal);
        return lanes.Where(l => set.Contains(l.Id)).ToList();
    }

    private sealed record PersonLane(int Id, string Name);

    private static async Task<List<PersonLane>> PersonLanesAsync(TimelineDbContext db, List<int> list, CancellationToken ct)
    {
        // Busiest persons first (their stored count of live events), so an ambiguous name shows its most relevant people.
        // The ids as one JSON parameter: EF Core 10's default, a parameter per id, took seconds for a common surname's
        // thousands of persons at 1,000,000 events.
        return await db.Persons.AsNoTracking().Where(p => EF.Parameter(list).Contains(p.Id))
            .OrderByDescending(p => p.EventCount).ThenBy(p => p.Name)
            .Take(MaxPersonLanes).Select(p => new PersonLane(p.Id, p.Name)).ToListAsync(ct);
    }

    private sealed record Counted(string Lane, DateOnly Start, int Count);
    private static async Task<List<Counted>> CountByKindAsync(IQueryable<Event> dated, BucketUnit unit, CancellationToken ct)
    {
        var rows = await Keyed(dated.Select(e => new Row { Kind = e.Kind, Day = e.SortDay, Month = e.SortMonth }), unit)
            .GroupBy(r => new { r.Kind, r.Key }).Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new Counted(LaneOf(r.Kind), KeyStart(r.Key, unit), r.Count)).ToList();
    }

    private static async Task<List<Counted>> CountByPersonAsync(TimelineDbContext db, IQueryable<Event> dated, List<int> personIds,
        BucketUnit unit, CancellationToken ct)
    {
        // The events joined are live already (dated comes through the event filter), and the persons are the lanes.
        var pairs = from p in db.Participations.IgnoreQueryFilters().AsNoTracking()
                    join e in dated on p.EventId equals e.Id
                    where personIds.Contains(p.PersonId)
                    select new { p.PersonId, e.Id, e.SortDay, e.SortMonth };
        var rows = await Keyed(pairs.Distinct().Select(x => new Row { PersonId = x.PersonId, Day = x.SortDay, Month = x.SortMonth }), unit)
            .GroupBy(r => new { r.PersonId, r.Key }).Select(g => new { g.Key.PersonId, g.Key.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new Counted(LaneOf(r.PersonId), KeyStart(r.Key, unit), r.Count)).ToList();
    }

    // One shape for both lane kinds: exactly one of Kind and PersonId is meaningful per query.
    private sealed class Row
    {
        public EventKind Kind { get; init; }
        public int PersonId { get; init; }
        public int Day { get; init; }
        public int Month { get; init; }
        public int Key { get; init; }
    }

    /// <summary>The bucket key in SQL: day or week from the day number, month and wider from the month index.</summary>
    private static IQueryable<Row> Keyed(IQueryable<Row> rows, BucketUnit unit) => unit switch
    {
        BucketUnit.Day => rows.Select(r => new Row { Kind = r.Kind, PersonId = r.PersonId, Key = r.Day }),
        // Day number 0 (1 Jan 0001) is a Monday, so whole weeks from it start on Mondays.
        BucketUnit.Week => rows.Select(r => new Row { Kind = r.Kind, PersonId = r.PersonId, Key = r.Day / 7 }),
        BucketUnit.Month => rows.Select(r => new Row { Kind = r.Kind, PersonId = r.PersonId, Key = r.Month }),
        BucketUnit.Quarter => rows.Select(r => new Row { Kind = r.Kind, PersonId = r.PersonId, Key = r.Month / 3 }),
        BucketUnit.Year => rows.Select(r => new Row { Kind = r.Kind, PersonId = r.PersonId, Key = r.Month / 12 }),
        _ => rows.Select(r => new Row { Kind = r.Kind, PersonId = r.PersonId, Key = r.Month / 120 }),
    };

    private static DateOnly KeyStart(int key, BucketUnit unit) => unit switch
    {
        BucketUnit.Day => DateOnly.FromDayNumber(key),
        BucketUnit.Week => DateOnly.FromDayNumber(key * 7),
        BucketUnit.Month => FromMonthIndex(key),
        BucketUnit.Quarter => FromMonthIndex(key * 3),
        BucketUnit.Year => FromMonthIndex(key * 12),
        _ => FromMonthIndex(Math.Max(12, key * 120)),
    };

    private static DateOnly FromMonthIndex(int m) => new(m / 12, m % 12 + 1, 1);
}
