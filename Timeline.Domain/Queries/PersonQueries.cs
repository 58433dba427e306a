using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
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
