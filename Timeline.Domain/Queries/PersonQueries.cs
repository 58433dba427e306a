using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Data.Configurations;
using Timeline.Domain.Model;
using Timeline.Domain.Text;

namespace Timeline.Domain.Queries;

/// <summary>A person a name filter matched, as a reader needs to tell namesakes apart.</summary>
public sealed record MatchedPerson(int Id, string Name, string? LifeDates);

/// <summary>What one name of a filter matched: how many persons, and the first of them by name.</summary>
public sealed record NameMatch(string Name, int Total, IReadOnlyList<MatchedPerson> Persons);

/// <summary>Person name matching shared by event filters and person search.</summary>
public static class PersonQueries
{
    /// <summary>How many matched persons a <see cref="NameMatch"/> lists; a common surname can match thousands.</summary>
    public const int MatchesListed = 50;

    /// <summary>
    /// Ids of persons one of whose names, folded (case, diacritics, script and transliteration aside), equals the
    /// folded text or starts with it followed by a word break: "Miasnikov" finds "Myasnikov" and "Miasnikov Gavriil",
    /// not "Miasnikova" or "Boris Miasnikov". Folding turns spaces and punctuation into single spaces (apostrophes
    /// vanish), and folded names hold only [a-z0-9 ], so that is one range of the Folded index: from the text to the
    /// text followed by "!", the character after the space. (CompareTo becomes SQL's &gt;= and &lt;, which SQLite
    /// compares bytewise, so the index range is used.)
    /// </summary>
    internal static async Task<List<int>> MatchIdsAsync(TimelineDbContext db, string name, CancellationToken ct)
    {
        var folded = NameFolding.Fold(name);
        if (folded.Length == 0) return [];
        var end = folded + "!";
        return await db.PersonNames.AsNoTracking()
            .Where(n => n.Folded.CompareTo(folded) >= 0 && n.Folded.CompareTo(end) < 0)
            .Select(n => n.PersonId).Distinct().ToListAsync(ct);
    }

    /// <summary>The persons each name matched (ids from <see cref="MatchIdsAsync"/>), for showing which namesakes a filter took in.</summary>
    internal static async Task<NameMatch> DescribeAsync(TimelineDbContext db, string name, List<int> ids, CancellationToken ct)
    {
        var rows = await db.Persons.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(MatchesListed)
            .Select(p => new { p.Id, p.Name, p.Born, p.Died }).ToListAsync(ct);
        return new NameMatch(name, ids.Count, rows.Select(p => new MatchedPerson(p.Id, p.Name, PersonView.Life(p.Born, p.Died))).ToList());
    }

    /// <summary>
    /// Person search for pickers: persons with a name of which every query word begins a different word, in any
    /// order, so "miasnikov gavriil" and "gav mias" find Gavriil Miasnikov. Each word is a range of the words index;
    /// the names having all of them are then checked for distinct words (a short list: the index did the narrowing).
    /// </summary>
    /// <returns>The ids as a subquery: a common prefix matches tens of thousands of persons, too many to carry as a list.</returns>
    internal static async Task<IQueryable<int>> WordPrefixIdsAsync(TimelineDbContext db, string query, CancellationToken ct)
    {
        var words = NameFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return db.Persons.Where(_ => false).Select(p => p.Id);
        // The longest word narrows most; the others filter what it finds.
        var ordered = words.OrderByDescending(w => w.Length).ToList();
        var names = Starting(db, ordered[0]);
        foreach (var w in ordered.Skip(1).Distinct(StringComparer.Ordinal))
        {
            var more = Starting(db, w);
            names = names.Where(id => more.Contains(id));
        }
        var candidates = db.PersonNames.AsNoTracking().Where(n => names.Contains(n.Id));
        if (words.Length == 1) return candidates.Select(n => n.PersonId);
        var rows = await candidates.Select(n => new { n.PersonId, n.Folded }).ToListAsync(ct);
        var ids = rows.Where(r => EachBeginsADifferentWord(words, r.Folded.Split(' '))).Select(r => r.PersonId).Distinct().ToList();
        return db.Persons.Select(p => p.Id).Where(id => EF.Parameter(ids).Contains(id));
    }

    /// <summary>Busiest first, then by name: the order of the (EventCount, Name, Id) index; first, when given, those in <paramref name="first"/>.</summary>
    internal static IOrderedQueryable<Person> Ranked(IQueryable<Person> persons, IQueryable<int>? first = null) =>
        (first is null ? persons.OrderByDescending(p => p.EventCount) : persons.OrderByDescending(p => first.Contains(p.Id)).ThenByDescending(p => p.EventCount))
            .ThenBy(p => p.Name).ThenBy(p => p.Id);

    /// <summary>
    /// Persons with a name that starts with the folded query: one range of the Folded index (folded names hold only
    /// [a-z0-9 ], all below "{"), read once for all candidates, where a LIKE per candidate read each one's names.
    /// </summary>
    internal static IQueryable<int> StartingWith(TimelineDbContext db, string folded)
    {
        var end = folded + "{";
        return db.PersonNames.Where(n => n.Folded.CompareTo(folded) >= 0 && n.Folded.CompareTo(end) < 0).Select(n => n.PersonId);
    }

    /// <summary>
    /// A page of the person search for a common one-word prefix ("ale", three keys into a picker), in the order of
    /// <see cref="Ranked"/>: persons are read in ranked order from the (EventCount, Name, Id) index and each is
    /// tested, which stops once the page is full, where fetching and sorting the 25,000 persons that "ale" matches at
    /// a million events read every one of them. Null when the prefix is rarer than that pays for (the same rule as for
    /// event pages, <see cref="EventQueries.WalkBeatsSort"/>), or has several words: then the matches are sorted.
    /// </summary>
    internal static async Task<List<int>?> CommonPrefixPageAsync(TimelineDbContext db, string folded, int skip, int take, CancellationToken ct)
    {
        if (folded.Contains(' ', StringComparison.Ordinal)) return null;
        var end = folded + "{";
        var n = skip + take;
        var all = await db.Persons.IgnoreQueryFilters().CountAsync(ct);
        // Index entries, a little more than persons (a person has several names): enough to choose by. Counted only as
        // far as the choice needs (WalkCountBound): "ale" has 68,018 word entries at a million events, 4–6 ms to count.
        var bound = WalkCountBound(n, all);
        var words = await db.PersonNameWords.Where(w => w.Word.CompareTo(folded) >= 0 && w.Word.CompareTo(end) < 0).Take(bound).CountAsync(ct);
        if (!EventQueries.WalkBeatsSort(n, words, all)) return null;
        var starts = await db.PersonNames.IgnoreQueryFilters().Where(x => x.Folded.CompareTo(folded) >= 0 && x.Folded.CompareTo(end) < 0)
            .Take(bound).CountAsync(ct);
        // The index is named because SQLite prices the walk as reading it all, not knowing that the page ends it early.
        var walk = db.Persons.FromSqlRaw("SELECT * FROM \"Persons\" INDEXED BY \"" + PersonConfiguration.ByEventCount + "\"").AsNoTracking()
            .Where(p => !p.IsDeleted);
        // First the persons with a name that starts with the query: walked when they are common too, else sorted.
        // (Not IgnoreQueryFilters on a subquery: EF then drops the filters of the whole query.)
        var names = db.PersonNames;
        var starting = names.Where(x => x.Folded.CompareTo(folded) >= 0 && x.Folded.CompareTo(end) < 0);
        var first = await (EventQueries.WalkBeatsSort(n, starts, all)
                ? Ranked(walk.Where(p => starting.Any(x => x.PersonId == p.Id)))
                : Ranked(db.Persons.AsNoTracking().Where(p => StartingWith(db, folded).Contains(p.Id))))
            .Take(n).Select(p => p.Id).ToListAsync(ct);
        if (first.Count == n) return first.Skip(skip).ToList();
        // Fewer than a page start with it, so nearly all the matches are the others: common, walked.
        var wordNames = names.Where(x => db.PersonNameWords.Any(w => w.PersonNameId == x.Id && w.Word.CompareTo(folded) >= 0 && w.Word.CompareTo(end) < 0));
        var others = await Ranked(walk.Where(p => wordNames.Any(x => x.PersonId == p.Id) && !starting.Any(x => x.PersonId == p.Id)))
            .Take(n - first.Count).Select(p => p.Id).ToListAsync(ct);
        return first.Concat(others).Skip(skip).Take(take).ToList();
    }

    /// <summary>
    /// How far to count matches for <see cref="EventQueries.WalkBeatsSort"/>: it walks when the matches' square exceeds
    /// <paramref name="needed"/> × <paramref name="all"/>, so any count of at least this bound decides the same as the
    /// full count (one more than the square root, and one for the rounding of the root).
    /// </summary>
    internal static int WalkCountBound(long needed, long all) => (int)Math.Min(int.MaxValue - 2, (long)Math.Sqrt((double)needed * all)) + 2;

    // Folded words hold only [a-z0-9], all below "{": a prefix is the range [w, w + "{").
    private static IQueryable<int> Starting(TimelineDbContext db, string word)
    {
        var end = word + "{";
        return db.PersonNameWords.Where(x => x.Word.CompareTo(word) >= 0 && x.Word.CompareTo(end) < 0).Select(x => x.PersonNameId);
    }

    /// <summary>Whether each query word can be given its own name word that it begins (a small matching, by backtracking).</summary>
    internal static bool EachBeginsADifferentWord(IReadOnlyList<string> query, IReadOnlyList<string> name)
    {
        var used = new bool[name.Count];
        bool Assign(int i)
        {
            if (i == query.Count) return true;
            for (var j = 0; j < name.Count; j++)
            {
                if (used[j] || !name[j].StartsWith(query[i], StringComparison.Ordinal)) continue;
                used[j] = true;
                if (Assign(i + 1)) return true;
                used[j] = false;
            }
            return false;
        }
        return Assign(0);
    }
}
