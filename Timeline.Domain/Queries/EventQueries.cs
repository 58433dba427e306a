using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Data.Configurations;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Search;
using Timeline.Domain.Text;

namespace Timeline.Domain.Queries;

/// <summary>
/// Read side of the event store. Each method opens its own short-lived context (the right lifetime for
/// Blazor Server circuits), reads without tracking and projects into view records.
/// </summary>
public sealed class EventQueries(IDbContextFactory<TimelineDbContext> factory)
{
    public async Task<EventPage> SearchAsync(EventFilter filter, int page = 1, int pageSize = 50,
        EventSort sort = EventSort.Date, bool withTotal = true, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, Limits.MaxPageSize);
        page = Math.Max(page, 1);
        await using var db = await factory.CreateDbContextAsync(ct);
        var dateOrder = sort is EventSort.Date or EventSort.DateDescending;
        var textOnly = IsTextOnly(filter);
        var personsOnly = filter.HasPersons && filter with { PersonNames = [], PersonIds = [] } is { IsEmpty: true };
        var resolved = await ResolveAsync(db, filter, countMatches: dateOrder || textOnly || filter.HasPersons, ct, describeNames: true);
        var skip = (page - 1) * pageSize;
        // A text's resolution has read it already.
        var all = resolved.AllEvents > 0 ? (int)resolved.AllEvents : await db.Events.IgnoreQueryFilters().MaxAsync(e => (int?)e.Id, ct) ?? 0;
        // Persons with kinds, statuses or years: their rows (PersonRows) count the matches without reading an event, and
        // few matches are fetched and sorted (a busy person in a year range went through the 44 span-class arms, each
        // testing the person's events; their disputed meetings by title tested each disputed meeting).
        (int Total, List<int>? Ids)? rows = resolved.PersonIds is { } persons && PersonRows.CanAnswer(filter)
            ? await PersonRows.PageAsync(db, persons, filter, sort, skip, pageSize, all, ct) : null;
        if (rows is { Ids: { } listed })
            return new EventPage(rows.Value.Total, await LoadViewsAsync(db, listed, ct), resolved.NameMatches ?? []);
        // Busy persons are tested against events read from another index, or fetched one by one (see ProbePersons).
        var probePersons = await ProbePersonsAsync(db, filter, resolved, skip + pageSize, all, ct);
        int? personProbeAbove = probePersons is null ? null : probePersons.Value ? 0 : int.MaxValue;
        var query = Apply(db, filter, resolved, personProbeAbove: personProbeAbove);
        // The text index alone counts a text-only search, and the participations index a person filter. A text's count
        // stops past TextCountLimit (ResolveAsync): the page then says "more than", and CountAsync gives the figure.
        var totalIsLowerBound = textOnly && resolved.TextMatches > TextCountLimit;
        var total = textOnly ? Math.Min(resolved.TextMatches ?? 0, TextCountLimit)
            : personsOnly ? resolved.PersonEvents ?? 0
            : rows is { } counted ? counted.Total
            : withTotal ? await CountAsync(db, filter, query, ct) : -1;
        // Only for filters on the event row itself, or probed persons besides: with a person looked up, a source or text
        // SQLite may want to reach events by id, which a named index forbids ("no query solution").
        var walk = (AggregateCounts.CanAnswer(filter) || (probePersons == true && AggregateCounts.CanAnswer(filter with { PersonNames = [], PersonIds = [] })))
            && InSortOrder(db, filter, sort) is { } index && total > 0 && WalkBeatsSort(skip + pageSize, total, all)
            ? index : null;
        var undated = filter with { FromYear = null, ToYear = null };
        var ids = filter.FromYear is null && filter.ToYear is null
            // A date-ordered page of a common term or a busy person probes in date order (see Apply).
            ? await Sort(dateOrder ? Apply(db, filter, resolved, probe: true, needed: skip + pageSize, personProbeAbove: personProbeAbove)
                    : Apply(db, filter, resolved, source: walk, personProbeAbove: personProbeAbove), sort)
                .Skip(skip).Take(pageSize).Select(e => e.Id).ToListAsync(ct)
            : await OverlapIdsAsync(Apply(db, undated, resolved, personProbeAbove: personProbeAbove), YearDays(filter), sort, skip, pageSize, ct,
                walk is null ? null : Apply(db, undated, resolved, source: walk, personProbeAbove: personProbeAbove),
                readEdges: AggregateCounts.CanAnswer(filter) ? PlainEdges(db, filter, sort) : null);
        var items = await LoadViewsAsync(db, ids, ct);
        return new EventPage(total, items, resolved.NameMatches ?? [], totalIsLowerBound);
    }

    /// <summary>
    /// The events read in the order of a non-date sort, from its index (see <see cref="WalkBeatsSort"/>). SQLite
    /// itself would start from the index of a kind or status filter and sort every match: 1.6 s for the 600,000
    /// stated events of a million sorted by title. The index is named because its plan cannot be had otherwise:
    /// SQLite prices the walk as reading the whole index, not knowing that the page ends it early. Not for titles
    /// under a kind filter: titles follow their kind, so the kind's events could lie anywhere along the walk (one
    /// kind has an index in title order instead).
    /// </summary>
    private static IQueryable<Event>? InSortOrder(TimelineDbContext db, EventFilter filter, EventSort sort) => sort switch
    {
        // Each SQL text is a compile-time constant: the index names are constants, never user input.
        EventSort.Title or EventSort.TitleDescending when filter.Kinds.Count == 0 =>
            db.Events.FromSqlRaw("SELECT * FROM \"Events\" INDEXED BY \"" + EventConfiguration.ByTitle + "\""),
        EventSort.Kind or EventSort.KindDescending =>
            db.Events.FromSqlRaw("SELECT * FROM \"Events\" INDEXED BY \"" + EventConfiguration.ByKind + "\""),
        EventSort.Status or EventSort.StatusDescending =>
            db.Events.FromSqlRaw("SELECT * FROM \"Events\" INDEXED BY \"" + EventConfiguration.ByStatus + "\""),
        _ => null,
    };

    /// <summary>
    /// Whether a page's persons are tested against the events read from another index ("Id + 0 IN", see
    /// <see cref="Apply"/>) rather than each of their events fetched by id and the rest filtered and sorted: a fetch is a
    /// random read, an index is read in order, about <see cref="LookupCost"/> entries in the time of one fetch. Persons
    /// alone are probed when the walk of the sort's index (the date's, or <see cref="InSortOrder"/>) meets fewer entries
    /// than their events (<see cref="WalkBeatsSort"/>: at a million, a page of 50 for a person in more than 7,071 events;
    /// one in 15,027 took 33 ms fetched and sorted); with kinds, statuses or years, when those match fewer events than
    /// <see cref="LookupCost"/> times the persons' (a person in 30,072 events among the disputed meetings: 106 ms).
    /// Null leaves the choice to the page's usual rule.
    /// </summary>
    private static async Task<bool?> ProbePersonsAsync(TimelineDbContext db, EventFilter filter, Resolved resolved, int needed, int all,
        CancellationToken ct)
    {
        if (resolved.PersonEvents is not ({ } theirs and > 0)) return null;
        var rest = filter with { PersonNames = [], PersonIds = [] };
        if (rest.IsEmpty) return WalkBeatsSort(needed, theirs, all);
        if (!AggregateCounts.CanAnswer(rest)) return null;
        var (a, b) = YearDays(rest);
        var others = await AggregateCounts.OverlapCountAsync(db, rest, a, b, ct);
        return others < (long)theirs * LookupCost;
    }

    /// <summary>Index entries read in order in the time of one row fetched by id (an estimate, see <see cref="ProbePersonsAsync"/>).</summary>
    internal const int LookupCost = 8;

    /// <summary>
    /// Walking a sort's index meets about <paramref name="needed"/> × all / matches rows before the page is full;
    /// sorting reads and sorts all the matches. Walk when that is fewer: for common filters (a kind, a status, a
    /// busy decade) and the first pages of rarer ones.
    /// </summary>
    internal static bool WalkBeatsSort(long needed, long matches, long all) => matches > 0 && needed * all < matches * matches;

    /// <summary>
    /// Ids of the events reaching into [a, b], in order, one page. As one overlap query, SQLite either
    /// gathers every match from the span-class ranges and sorts them all (tens of thousands in a busy year),
    /// or walks the date index from the beginning of time. Split instead: the events dated inside [a, b] are
    /// one ordered index range read only as far as the page needs, and the few long or loosely dated ones
    /// dated outside (<see cref="Overlap.Edges"/>) are index ranges of their own. The merge of the two is exact.
    /// </summary>
    /// <param name="walked">The same events read from the sort's index, when walking it beats sorting (<see cref="InSortOrder"/>).</param>
    /// <param name="readEdges">Reads the first n edges in order, when not through <see cref="Overlap.Edges"/> (<see cref="PlainEdges"/>).</param>
    /// <param name="edgeEvents">The events whose edges to read, when not <paramref name="events"/>: a filter's persons left out and
    /// tested after the union as <paramref name="among"/> (see <see cref="Overlap.Among"/>).</param>
    internal static async Task<List<int>> OverlapIdsAsync(IQueryable<Event> events, (int From, int To) days, EventSort sort, int skip,
        int take, CancellationToken ct, IQueryable<Event>? walked = null, IQueryable<Event>? edgeEvents = null, IQueryable<int>? among = null,
        Func<int, int, int, CancellationToken, Task<List<SortKey>>>? readEdges = null)
    {
        var (a, b) = days;
        var n = skip + take;
        var inside = await Sort((walked ?? events).Where(e => e.SortDay >= a && e.SortDay <= b), sort).Take(n).Select(Key).ToListAsync(ct);
        // The edges sorted in SQL, of which only the page's first n can reach the page. Date, kind and status keys are all in
        // the span-class index; a title leaves it for a fetch of each edge's row. 5,745 edges of 1918-1920 by status: 30 ms
        // fetched whole with their titles, 4 ms the first 200 from the index sorted by SQLite.
        var key = sort switch
        {
            EventSort.Date or EventSort.DateDescending => DayKey,
            EventSort.Title or EventSort.TitleDescending => Key,
            _ => IndexKey,
        };
        var edges = readEdges is not null ? await readEdges(a, b, n, ct)
            : await SortKey.Sort(Overlap.Among(Overlap.Edges(edgeEvents ?? events, a, b, key), among, k => k.Id), sort).Take(n).ToListAsync(ct);
        return inside.Concat(edges).Order(SortKey.Comparer(sort)).Skip(skip).Take(take).Select(k => k.Id).ToList();
    }

    /// <summary>
    /// The edges of a filter of kinds and statuses from one SQL text per order (<see cref="Overlap.EdgeKeysAsync"/>): as LINQ
    /// each kind, status and order made a query of its own for EF to compile, 50–150 ms the first time each was asked for.
    /// </summary>
    private static Func<int, int, int, CancellationToken, Task<List<SortKey>>> PlainEdges(TimelineDbContext db, EventFilter filter, EventSort sort)
    {
        var (kinds, statuses) = AggregateCounts.Lists(filter);
        return (a, b, n, ct) => Overlap.EdgeKeysAsync(db, a, b, kinds, statuses, sort, n, ct);
    }

    private static readonly Expression<Func<Event, SortKey>> Key = e => new SortKey
    {
        Id = e.Id, SortDay = e.SortDay, Title = e.SortTitle, Kind = e.Kind, Status = e.ClaimStatus,
    };

    private static readonly Expression<Func<Event, SortKey>> IndexKey = e => new SortKey
    {
        Id = e.Id, SortDay = e.SortDay, Kind = e.Kind, Status = e.ClaimStatus,
    };

    private static readonly Expression<Func<Event, SortKey>> DayKey = e => new SortKey { Id = e.Id, SortDay = e.SortDay };

    /// <summary>
    /// Every matching event in date order, read in batches with keyset paging (no growing OFFSET), each
    /// batch on its own short-lived context: exports of any size stream in constant memory.
    /// </summary>
    public async IAsyncEnumerable<EventView> StreamAsync(EventFilter filter, int batchSize = 500,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        int? lastDay = null;
        var lastId = 0;
        Resolved? resolved = null;
        while (true)
        {
            IReadOnlyList<EventView> batch;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                // Person names are looked up once, not once per batch.
                resolved ??= await ResolveAsync(db, filter, countMatches: false, ct);
                var q = Apply(db, filter, resolved);
                if (lastDay is { } d) q = q.Where(e => e.SortDay > d || (e.SortDay == d && e.Id > lastId));
                var keys = await q.OrderBy(e => e.SortDay).ThenBy(e => e.Id).Take(batchSize)
                    .Select(e => new { e.Id, e.SortDay }).ToListAsync(ct);
                if (keys.Count == 0) yield break;
                (lastDay, lastId) = (keys[^1].SortDay, keys[^1].Id);
                batch = await LoadViewsAsync(db, keys.Select(k => k.Id).ToList(), ct);
            }
            foreach (var e in batch) yield return e;
            if (batch.Count < batchSize) yield break;
        }
    }

    public async Task<EventView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var views = await LoadViewsAsync(db, [id], ct);
        return views.Count == 0 ? null : views[0];
    }

    /// <summary>How many events match: the exact figure, also where a page's total is a bound (<see cref="EventPage.TotalIsLowerBound"/>).</summary>
    public async Task<int> CountAsync(EventFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // A text alone from the text index, which holds live events only, through its exact words.
        if (IsTextOnly(filter)) return await TextSearch.CountAsync(db, filter.Text!, ct);
        return await CountAsync(db, filter, await FilterAsync(db, filter, ct), ct);
    }

    /// <summary>Counts from the counts tables when the filter allows it; they do not grow with the database.</summary>
    private static async Task<int> CountAsync(TimelineDbContext db, EventFilter filter, IQueryable<Event> query, CancellationToken ct)
    {
        if (!AggregateCounts.CanAnswer(filter)) return await query.CountAsync(ct);
        var (a, b) = YearDays(filter);
        return await AggregateCounts.OverlapCountAsync(db, filter, a, b, ct);
    }

    /// <summary>Matching events per kind (for a year: those whose possible days reach into it).</summary>
    public async Task<IReadOnlyDictionary<EventKind, int>> KindCountsAsync(EventFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (AggregateCounts.CanAnswer(filter))
        {
            var (a, b) = YearDays(filter);
            return await AggregateCounts.OverlapKindsAsync(db, filter, a, b, ct);
        }
        var rows = await (await FilterAsync(db, filter, ct)).GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }

    /// <summary>Applies a filter; person names are resolved to ids first, through their folded variants.</summary>
    internal static async Task<IQueryable<Event>> FilterAsync(TimelineDbContext db, EventFilter filter, CancellationToken ct) =>
        Apply(db, filter, await ResolveAsync(db, filter, countMatches: false, ct));

    /// <summary>
    /// What a filter needs from the database before it becomes one query: its person names as ids (null
    /// without a person filter), and, when asked, how many live events those persons and the text match.
    /// </summary>
    /// <param name="TextMatches">How many live events the text matches, counted no further than <see cref="TextCountLimit"/> + 1.</param>
    /// <param name="ExactText">When the matches are counted: the text's exact-word MATCH (TextSearch.ExactMatchAsync), when it has one.</param>
    /// <param name="TextShare">When the count stopped at its bound: the share of events the text matches, estimated from the event id it reached.</param>
    /// <param name="AllEvents">When the text's matches are counted: the highest event id.</param>
    internal sealed record Resolved(List<int>? PersonIds, int? PersonEvents, int? TextMatches, IReadOnlyList<NameMatch>? NameMatches = null,
        string? ExactText = null, double TextShare = 0, long AllEvents = 0)
    {
        /// <summary>
        /// Whether testing each event met in date order against the exact words (TextSearch.Probing) beats reading all the
        /// matches once into a list and walking the date index against it. A test looks up each word of the expression; the
        /// walk meets needed / share events, and the list holds share × all of them. Measured at a million events, load 13-27,
        /// a page probed against listed: "and" (1 word, all events) 1.6-2.7 ms against some 300; "and other involving"
        /// (10 words, 33%) 66 against 155 ms; "Mar Synthetic for and" (13 words, 9%) 160 against 115 ms; "Mikhail" (9 words,
        /// 14%) 431 against 42 ms. A test of one word costs 16-450 matches listed; <see cref="ProbeCostPerWord"/> parts
        /// the four cases as measured.
        /// </summary>
        public bool ProbingPays(int needed) => ExactText is { } words && TextShare > 0
            && needed * TextSearch.WordsOf(words) * ProbeCostPerWord < TextShare * TextShare * AllEvents;

        /// <summary>
        /// Whether a date-ordered page of the text walks the date index against its listed matches ("Id + 0 IN") rather
        /// than fetching every match by id and sorting them: the walk meets about needed × all / matches entries, each
        /// far cheaper than fetching a row (at a million events, load 13, a page and total of a surname such as "Kalinin",
        /// in some thousands of events, took 120-126 ms fetched and sorted).
        /// </summary>
        public bool WalkPays(int needed) => AllEvents > 0 && (long)TextMatches.GetValueOrDefault() * TextMatches.GetValueOrDefault() * 10 > (long)needed * AllEvents;
    }

    /// <summary>What testing one event against one word costs, in matches listed (see <see cref="Resolved.ProbingPays"/>).</summary>
    private const double ProbeCostPerWord = 150;

    internal static async Task<Resolved> ResolveAsync(TimelineDbContext db, EventFilter filter, bool countMatches, CancellationToken ct,
        bool describeNames = false)
    {
        List<int>? persons = null;
        int? personEvents = null, textMatches = null;
        List<NameMatch>? matches = null;
        if (filter.HasPersons)
        {
            var ids = new HashSet<int>(filter.PersonIds);
            foreach (var name in filter.PersonNames)
            {
                var matched = await PersonQueries.MatchIdsAsync(db, name, ct);
                ids.UnionWith(matched);
                // Which namesakes each name took in, read only for a page (the same lookup, not a second one).
                if (describeNames) (matches ??= []).Add(await PersonQueries.DescribeAsync(db, name, matched, ct));
            }
            persons = ids.ToList();
            if (countMatches) personEvents = await PersonEventsAsync(db, persons, ct);
        }
        string? exact = null;
        double share = 0;
        long all = 0;
        if (countMatches && !string.IsNullOrWhiteSpace(filter.Text))
        {
            // The exact words first: counted through them, a common word's matches are read only as far as the bound.
            exact = await TextSearch.ExactMatchAsync(db, filter.Text, ct);
            if ((exact ?? TextSearch.ToMatch(filter.Text)) is { } match)
            {
                var (count, last) = await TextSearch.CountUpToAsync(db, match, TextCountLimit + 1, ct);
                textMatches = count;
                all = await db.Events.IgnoreQueryFilters().MaxAsync(e => (int?)e.Id, ct) ?? 0;
                if (count > TextCountLimit && last > 0) share = Math.Min(1.0, (double)count / last);
            }
            else textMatches = 0;
        }
        return new Resolved(persons, personEvents, textMatches, matches, exact, share, all);
    }

    /// <summary>
    /// How many live events some persons take part in: one person's is stored (<see cref="PersonEventCounts"/>), several
    /// persons' are counted from the participations index, each shared event once.
    /// </summary>
    internal static async Task<int> PersonEventsAsync(TimelineDbContext db, List<int> persons, CancellationToken ct)
    {
        if (persons.Count != 1) return await LiveEventsOf(db, persons).CountAsync(ct);
        var only = persons[0];
        // A deleted person's events still count, as they do in the plain count.
        return await db.Persons.IgnoreQueryFilters().Where(p => p.Id == only).Select(p => p.EventCount).FirstOrDefaultAsync(ct);
    }

    /// <summary>The events of some persons. Without the query filters: the outer query keeps to live events.</summary>
    internal static IQueryable<int> EventsOf(TimelineDbContext db, List<int> persons)
    {
        var participations = db.Participations.IgnoreQueryFilters();
        var only = persons.FirstOrDefault();
        // One JSON parameter (json_each), not EF 10's default of one parameter per id: a common surname matches
        // thousands of persons, and thousands of parameters took seconds to bind and plan.
        return persons.Count == 1
            ? participations.Where(p => p.PersonId == only).Select(p => p.EventId)
            : participations.Where(p => EF.Parameter(persons).Contains(p.PersonId)).Select(p => p.EventId);
    }

    /// <summary>
    /// How many live events some persons take part in, from the participations index alone: the plain count
    /// fetched each event row to see that it is live (the busiest person at a million, 83,000 events: 77–635 ms
    /// with the page, under load; the deleted events are a short list from their partial index).
    /// </summary>
    private static IQueryable<int> LiveEventsOf(TimelineDbContext db, List<int> persons)
    {
        var deleted = db.Events.IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => e.Id);
        return EventsOf(db, persons).Where(id => !deleted.Contains(id)).Distinct();
    }

    /// <param name="probe">
    /// For a query read in date order: when the persons or the text match more than <see cref="ProbeAbove"/>
    /// events (counted by <see cref="ResolveAsync"/>), test each event met in date order against the matches
    /// ("Id + 0" keeps SQLite from fetching the matches by id and sorting them all), so that a page reads a
    /// few hundred entries of the date index instead of sorting tens of thousands of rows.
    /// </param>
    /// <param name="source">The events to filter, when not the table as SQLite chooses to read it (<see cref="InSortOrder"/>).</param>
    /// <param name="probeAbove">The number of matches beyond which to probe (a page's <see cref="ProbeAbove"/> unless said).</param>
    /// <param name="needed">How many events the page reads (skip + take), for the choice of <see cref="Resolved.ProbingPays"/>.</param>
    /// <param name="personProbeAbove">When given, the persons' events beyond which to probe them, whatever the order (see <see cref="ProbePersonsAsync"/>).</param>
    internal static IQueryable<Event> Apply(TimelineDbContext db, EventFilter filter, Resolved resolved, bool probe = false,
        IQueryable<Event>? source = null, int probeAbove = ProbeAbove, int needed = 50, int? personProbeAbove = null)
    {
        // Live events, said here although the query filter says it too: a subquery that ignores the query filters (the
        // participations and evidence below) makes EF drop them from the whole query, and deleted events came back
        // under a person or source filter; and without the term SQLite cannot use the partial (live-only) indexes.
        // A text in most events, probed in date order, tests each event against its exact words (TextSearch.Probing); a
        // rarer one is listed once and each event tested against the list ("Id + 0 IN", below).
        var exact = probe && resolved.TextMatches > probeAbove && source is null && resolved.ProbingPays(needed) ? resolved.ExactText : null;
        IQueryable<Event> q = (source ?? (exact is null ? db.Events : TextSearch.Probing(db, exact))).AsNoTracking().Where(e => !e.IsDeleted);
        if (resolved.PersonIds is { } persons)
        {
            // "Id IN (events of these persons)", not a correlated EXISTS: SQLite then starts from the
            // participation index instead of walking every event in sort order and probing each one.
            var theirs = EventsOf(db, persons);
            var probed = personProbeAbove is { } above ? resolved.PersonEvents > above : probe && resolved.PersonEvents > probeAbove;
            q = probed
                ? q.Where(e => theirs.Contains(e.Id + 0))
                : q.Where(e => theirs.Contains(e.Id));
        }
        if (filter.FromYear is not null || filter.ToYear is not null)
        {
            var (a, b) = YearDays(filter);
            q = Overlap.Within(q, a, b);
        }
        // One kind or status is an equality: from a parameter list (json_each) SQLite cannot tell one value from
        // several, and plans one kind's page as if it were many. (Not constants: every combination would be a new
        // query for EF to compile, and the overlap queries are large.)
        if (filter.Kinds.Distinct().ToList() is { Count: > 0 } kinds)
        {
            var kind = kinds[0];
            q = kinds.Count == 1 ? q.Where(e => e.Kind == kind) : q.Where(e => kinds.Contains(e.Kind));
        }
        if (filter.Statuses.Distinct().ToList() is { Count: > 0 } statuses)
        {
            var status = statuses[0];
            q = statuses.Count == 1 ? q.Where(e => e.ClaimStatus == status) : q.Where(e => statuses.Contains(e.ClaimStatus));
        }
        if (filter.SourceId is { } sourceId)
            q = q.Where(e => db.EvidenceLinks.IgnoreQueryFilters().Where(x => x.SourceId == sourceId && !x.IsDeleted)
                .Select(x => x.EventId).Contains(e.Id));
        if (!string.IsNullOrWhiteSpace(filter.Text) && exact is null)
        {
            var walk = probe && (resolved.TextMatches > probeAbove || resolved.WalkPays(needed));
            q = resolved.ExactText is { } words ? TextSearch.ApplyMatch(db, q, words, walk) : TextSearch.Apply(db, q, filter.Text, walk);
        }
        return q;
    }

    /// <summary>Beyond this many matches, probing in date order beats sorting the matches (measured at 1M events).</summary>
    internal const int ProbeAbove = 20_000;

    /// <summary>
    /// A page counts a text's matches no further than this (and one more, to know there are more): counting all of a word
    /// in every event read a million entries of the index (the page's 100-150 ms at a million events). At least
    /// <see cref="ProbeAbove"/>, and every other probing threshold, so that the bounded count still chooses the plan.
    /// </summary>
    public const int TextCountLimit = ProbeAbove;

    /// <summary>Whether a page's total for this filter may be a bound, for a view that kept only the figure.</summary>
    public static bool TotalMayBeBound(EventFilter filter, int total) => total >= TextCountLimit && IsTextOnly(filter);

    private static bool IsTextOnly(EventFilter filter) => !string.IsNullOrWhiteSpace(filter.Text) && filter with { Text = null } is { IsEmpty: true };

    /// <summary>The first and last day of the filter's years (open ends: the whole calendar).</summary>
    internal static (int From, int To) YearDays(EventFilter filter) => (
        new DateOnly(Math.Clamp(filter.FromYear ?? 1, 1, 9999), 1, 1).DayNumber,
        new DateOnly(Math.Clamp(filter.ToYear ?? 9999, 1, 9999), 12, 31).DayNumber);

    /// <summary>
    /// Each order is a column, then the date, then the id, matching an index (<c>(column, SortDay)</c> plus the
    /// row id); a descending order reverses all three, so SQLite reads that index backwards instead of sorting.
    /// </summary>
    internal static IQueryable<Event> Sort(IQueryable<Event> q, EventSort sort) => sort switch
    {
        EventSort.DateDescending => q.OrderByDescending(e => e.SortDay).ThenByDescending(e => e.Id),
        EventSort.Title => q.OrderBy(e => e.SortTitle).ThenBy(e => e.SortDay).ThenBy(e => e.Id),
        EventSort.TitleDescending => q.OrderByDescending(e => e.SortTitle).ThenByDescending(e => e.SortDay).ThenByDescending(e => e.Id),
        EventSort.Kind => q.OrderBy(e => e.Kind).ThenBy(e => e.SortDay).ThenBy(e => e.Id),
        EventSort.KindDescending => q.OrderByDescending(e => e.Kind).ThenByDescending(e => e.SortDay).ThenByDescending(e => e.Id),
        EventSort.Status => q.OrderBy(e => e.ClaimStatus).ThenBy(e => e.SortDay).ThenBy(e => e.Id),
        EventSort.StatusDescending => q.OrderByDescending(e => e.ClaimStatus).ThenByDescending(e => e.SortDay).ThenByDescending(e => e.Id),
        _ => q.OrderBy(e => e.SortDay).ThenBy(e => e.Id),
    };

    /// <summary>Loads full views for a page of ids, in the order given, with three batched child queries.</summary>
    internal static async Task<IReadOnlyList<EventView>> LoadViewsAsync(TimelineDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        // One JSON parameter (json_each), as EF Core 9 sent it, not EF Core 10's default of one parameter per id: measured
        // in one process, each page's ids read both ways in turn, a person's page at 10,000 events took 10-25 % less
        // (p50 7.5 to 6.7 ms, 10.3 to 8.3 ms); at 1,000,000 the two were level. See docs/performance.md (.NET 10).
        var idList = ids.ToList();
        var events = await db.Events.AsNoTracking().Where(e => EF.Parameter(idList).Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Key, e.Kind, e.Title, e.Summary, e.Place, e.ClaimStatus, e.Start, e.End, e.Version, e.DateNote,
                e.Court, e.UnnamedDefendants, e.DefendantsNote, e.ArrestAgency, e.ArrestPlace, e.ArrestCharge,
                e.ExpelledFrom, e.ExpelledFromOrganisation, e.ExpellingBody, e.ExpulsionReason,
            })
            .ToDictionaryAsync(e => e.Id, ct);
        var people = (await db.Participations.AsNoTracking().Where(p => EF.Parameter(idList).Contains(p.EventId))
            .OrderBy(p => p.EventId).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.EventId, View = new ParticipantView(p.PersonId, p.Person!.Name, p.Role, p.Outcome, p.Charge, p.Verdict, p.Sentence) })
            .ToListAsync(ct)).ToLookup(p => p.EventId, p => p.View);
        var evidence = (await db.EvidenceLinks.AsNoTracking().Where(x => EF.Parameter(idList).Contains(x.EventId))
            .OrderBy(x => x.EventId).ThenBy(x => x.Id)
            .Select(x => new
            {
                x.EventId, x.Id, x.SourceId, x.Source!.Title, x.Source.Kind, x.Locator, x.Stance, x.Note, x.EvidenceDate,
                x.Source.ArchiveName, x.Source.Fond, x.Source.Opis, x.Source.Delo, x.Source.Volume, x.Source.Pages,
            })
            .ToListAsync(ct)).ToLookup(x => x.EventId, x => new EvidenceView(x.Id, x.SourceId, x.Title, x.Kind, x.Locator,
                x.Stance, x.Note, x.EvidenceDate,
                x.ArchiveName is null ? null : new ArchivalReference(x.ArchiveName, x.Fond, x.Opis, x.Delo, x.Volume, x.Pages).ToString()));
        var claims = (await db.DateClaims.AsNoTracking().Where(c => EF.Parameter(idList).Contains(c.EventId))
            .OrderBy(c => c.EventId).ThenByDescending(c => c.IsPreferred).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.EventId,
                View = new DateClaimView(c.Id, c.Start, c.End, c.IsPreferred, c.EvidenceLinkId, c.Evidence!.SourceId,
                    c.Evidence.Source!.Title, c.Evidence.Locator, c.Note),
            })
            .ToListAsync(ct)).ToLookup(c => c.EventId, c => c.View);

        var result = new List<EventView>(ids.Count);
        foreach (var id in ids)
        {
            if (!events.TryGetValue(id, out var e)) continue;
            result.Add(new EventView(e.Id, e.Key, e.Kind, e.Title, e.Summary, e.Place, e.ClaimStatus, e.Start, e.End,
                people[id].ToList(), evidence[id].ToList(), claims[id].ToList(),
                e.Kind == EventKind.Trial ? new TrialView(e.Court, e.UnnamedDefendants, e.DefendantsNote) : null,
                e.Kind == EventKind.Arrest ? new ArrestView(e.ArrestAgency, e.ArrestPlace, e.ArrestCharge) : null,
                e.Kind == EventKind.Expulsion ? new ExpulsionView(e.ExpelledFrom, e.ExpelledFromOrganisation, e.ExpellingBody, e.ExpulsionReason) : null,
                e.Version, e.DateNote));
        }
        return result;
    }

    public async Task<DatabaseStats> GetStatsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var events = await db.Events.CountAsync(ct);
        var persons = await db.Persons.CountAsync(ct);
        var sources = await db.Sources.CountAsync(ct);
        var links = await db.EvidenceLinks.CountAsync(ct);
        int? first = events == 0 ? null : await db.Events.MinAsync(e => e.SortDay, ct);
        int? last = events == 0 ? null : await db.Events.MaxAsync(e => e.SortDay, ct);
        var years = await AggregateCounts.YearsAsync(db, new EventFilter(), ct);
        return new DatabaseStats(events, persons, sources, links,
            first is null ? null : DateOnly.FromDayNumber(first.Value),
            last is null ? null : DateOnly.FromDayNumber(last.Value), years);
    }

    /// <summary>Events per year of their sort date, for the current filter (the histogram above the views).</summary>
    public async Task<IReadOnlyList<YearCount>> YearCountsAsync(EventFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!AggregateCounts.CanAnswer(filter)) return await YearCountsAsync(await FilterAsync(db, filter, ct), ct);
        var years = await AggregateCounts.YearsAsync(db, filter, ct);
        if (filter.FromYear is null && filter.ToYear is null) return years;
        // The events dated inside the years come from the counts; those dated outside that reach in (the
        // edges) are added to the years they are dated in, read from the covering overlap index.
        var (a, b) = YearDays(filter);
        var (first, last) = (DateOnly.FromDayNumber(a).Year, DateOnly.FromDayNumber(b).Year);
        var counts = years.Where(y => y.Year >= first && y.Year <= last).ToDictionary(y => y.Year, y => y.Count);
        var (kinds, statuses) = AggregateCounts.Lists(filter);
        var edges = await Overlap.EdgeDaysAsync(db, a, b, kinds, statuses, ct);
        foreach (var day in edges)
        {
            var year = DateOnly.FromDayNumber(day).Year;
            counts[year] = counts.GetValueOrDefault(year) + 1;
        }
        return counts.OrderBy(c => c.Key).Select(c => new YearCount(c.Key, c.Value)).ToList();
    }

    internal static async Task<IReadOnlyList<YearCount>> YearCountsAsync(IQueryable<Event> events, CancellationToken ct) =>
        (await events.GroupBy(e => e.SortMonth / 12).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(y => new YearCount(y.Year, y.Count)).OrderBy(y => y.Year).ToList();
}
