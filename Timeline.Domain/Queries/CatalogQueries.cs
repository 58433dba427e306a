using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;
using Timeline.Domain.Text;

namespace Timeline.Domain.Queries;

/// <summary>Reads persons and sources: searches, pages and single records.</summary>
public sealed class CatalogQueries(IDbContextFactory<TimelineDbContext> factory)
{
    /// <summary>
    /// Persons with a name of which every query word begins a different word, in any order ("miasnikov gavriil"),
    /// best matches first: names that start with the query, then the persons in most events.
    /// </summary>
    public async Task<Page<PersonView>> SearchPersonsAsync(string? q, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, Limits.MaxPageSize);
        page = Math.Max(page, 1);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (total, ids) = await SearchIdsAsync(db, q, (page - 1) * pageSize, pageSize, withTotal: true, ct);
        return new Page<PersonView>(total, await LoadPersonsAsync(db, ids, ct));
    }

    /// <summary>
    /// The first <paramref name="take"/> persons of <see cref="SearchPersonsAsync"/>, in its order, without its total:
    /// for pickers, which show a few names and never the count. Counting the persons a three-letter prefix matches was
    /// most of the search's time at a million events ("ale", 24,983 persons: 45–60 ms of 60–75 ms, load 3–7), while
    /// the page itself is an early-stopping walk of the ranked index (about 5 ms).
    /// </summary>
    public async Task<IReadOnlyList<PersonView>> SuggestPersonsAsync(string? q, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, Limits.MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (_, ids) = await SearchIdsAsync(db, q, 0, take, withTotal: false, ct);
        return await LoadPersonsAsync(db, ids, ct);
    }

    /// <summary>A page of the person search as ids, and its total when asked (else -1).</summary>
    private static async Task<(int Total, List<int> Ids)> SearchIdsAsync(TimelineDbContext db, string? q, int skip, int take, bool withTotal,
        CancellationToken ct)
    {
        IQueryable<Person> persons = db.Persons.AsNoTracking();
        var folded = NameFolding.Fold(q);
        if (folded.Length == 0)
        {
            if (!string.IsNullOrWhiteSpace(q)) return (0, []);
            // Every live person: all rows less the few deleted ones (two index counts; "where live" scanned the table),
            // the page read from the (EventCount, Name, Id) index.
            var all = withTotal
                ? await db.Persons.IgnoreQueryFilters().CountAsync(ct) - await db.Persons.IgnoreQueryFilters().CountAsync(p => p.IsDeleted, ct)
                : -1;
            return (all, await PersonQueries.Ranked(persons).Skip(skip).Take(take).Select(p => p.Id).ToListAsync(ct));
        }
        // Driven from the words index, not a test of every person's names in turn.
        var matching = await PersonQueries.WordPrefixIdsAsync(db, q!, ct);
        // Counted from the names alone (their query filter keeps to live persons): half the time of reading each person.
        var total = withTotal ? await matching.Distinct().CountAsync(ct) : -1;
        // Names that start with the query rank before names that merely contain it, then the busiest persons: the
        // stored count (PersonEventCounts), where counting each candidate's participations took 0.3–0.45 s.
        var ids = await PersonQueries.CommonPrefixPageAsync(db, folded, skip, take, ct)
            ?? await PersonQueries.Ranked(persons.Where(p => matching.Contains(p.Id)), PersonQueries.StartingWith(db, folded))
                .Skip(skip).Take(take).Select(p => p.Id).ToListAsync(ct);
        return (total, ids);
    }

    /// <summary>
    /// The persons each name matches, as a name filter takes them in (namesakes included): the event list's
    /// <see cref="EventPage.MatchedPersons"/> without reading any events, for pages that show a filter's names.
    /// </summary>
    public async Task<IReadOnlyList<NameMatch>> MatchNamesAsync(IReadOnlyList<string> names, CancellationToken ct = default)
    {
        if (names.Count == 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var matches = new List<NameMatch>(names.Count);
        foreach (var name in names) matches.Add(await PersonQueries.DescribeAsync(db, name, await PersonQueries.MatchIdsAsync(db, name, ct), ct));
        return matches;
    }

    public async Task<PersonView?> GetPersonAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = await LoadPersonsAsync(db, [id], ct);
        return list.Count == 0 ? null : list[0];
    }

    private static async Task<IReadOnlyList<PersonView>> LoadPersonsAsync(TimelineDbContext db, List<int> ids, CancellationToken ct)
    {
        var rows = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Key, p.Name, p.Born, p.Died, p.LifeDatesNote, p.Description,
                Variants = p.Names.Where(n => !n.IsPrimary).OrderBy(n => n.Id).Select(n => new { n.Name, n.Note }).ToList(),
                // The stored count (PersonEventCounts): counting the busiest persons' events made a page of the
                // busiest persons cost 100 ms.
                Events = p.EventCount,
            })
            .ToDictionaryAsync(p => p.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(p => new PersonView(p.Id, p.Key, p.Name, p.Variants.Select(v => v.Name).ToList(), p.Born, p.Died, p.Description, p.Events,
                p.Variants.Where(v => v.Note is not null).ToDictionary(v => v.Name, v => v.Note!), p.LifeDatesNote)).ToList();
    }

    public async Task<Page<SourceView>> SearchSourcesAsync(string? q, SourceKind? kind = null, int page = 1, int pageSize = 100,
        CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, Limits.MaxPageSize);
        page = Math.Max(page, 1);
        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<Source> sources = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // LIKE is case-insensitive for ASCII in SQLite; wildcards typed by the user are taken literally.
            var pattern = "%" + q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            sources = sources.Where(s => EF.Functions.Like(s.Title, pattern, "\\") || EF.Functions.Like(s.Author!, pattern, "\\")
                || EF.Functions.Like(s.ArchiveName!, pattern, "\\") || EF.Functions.Like(s.Publication!, pattern, "\\"));
        }
        if (kind is { } k) sources = sources.Where(s => s.Kind == k);
        var total = await sources.CountAsync(ct);
        var ids = await sources.OrderByDescending(s => s.Evidence.Count).ThenBy(s => s.Title)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(s => s.Id).ToListAsync(ct);
        return new Page<SourceView>(total, await LoadSourcesAsync(db, ids, ct));
    }

    public async Task<SourceView?> GetSourceAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = await LoadSourcesAsync(db, [id], ct);
        return list.Count == 0 ? null : list[0];
    }

    private static async Task<IReadOnlyList<SourceView>> LoadSourcesAsync(TimelineDbContext db, List<int> ids, CancellationToken ct)
    {
        var rows = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { Source = s, Evidence = s.Evidence.Count })
            .ToDictionaryAsync(s => s.Source.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new SourceView(r.Source.Id, r.Source.Key,
            r.Source.Title, r.Source.Author, r.Source.Kind, r.Source.Date, r.Source.Language, r.Source.Url, r.Source.Publication,
            r.Source.Description, r.Source.Archive, r.Evidence)).ToList();
    }
}
