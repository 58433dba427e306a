using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;
using Timeline.Domain.Text;

namespace Timeline.Domain.Search;

/// <summary>
/// Turns what a reader types into a safe FTS5 query: every word must appear (as a prefix), in any
/// column, as written or transliterated; "quoted phrases" stay phrases. Nothing typed can break the
/// FTS5 syntax, so a search never fails with a server error.
/// </summary>
public static partial class TextSearch
{
    /// <param name="probe">Test events met in the outer query's order against the matches (see EventQueries.FilterAsync).</param>
    public static IQueryable<Event> Apply(TimelineDbContext db, IQueryable<Event> events, string text, bool probe = false)
    {
        var match = ToMatch(text);
        return match is null ? events.Where(e => false) : ApplyMatch(db, events, match, probe);
    }

    /// <summary>The events matching an FTS5 expression (<see cref="ToMatch"/> or <see cref="ExactMatchAsync"/>).</summary>
    public static IQueryable<Event> ApplyMatch(TimelineDbContext db, IQueryable<Event> events, string match, bool probe = false)
    {
        var ids = db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM \"EventSearch\" WHERE \"EventSearch\" MATCH {0}", match);
        return probe ? events.Where(e => ids.Contains(e.Id + 0)) : events.Where(e => ids.Contains(e.Id));
    }

    /// <summary>How many live events match; the index holds live events only, so no table is read.</summary>
    public static async Task<int> CountAsync(TimelineDbContext db, string text, CancellationToken ct) =>
        await MatchAsync(db, text, ct) is { } match ? await CountMatchAsync(db, match, ct) : 0;

    /// <summary>The expression to run for a text: its exact words when it has them (<see cref="ExactMatchAsync"/>), else its prefixes.</summary>
    public static async Task<string?> MatchAsync(TimelineDbContext db, string text, CancellationToken ct) =>
        await ExactMatchAsync(db, text, ct) ?? ToMatch(text);

    /// <summary>How many live events match an expression, all of them (a page counts only so far: <see cref="CountUpToAsync"/>).</summary>
    public static async Task<int> CountMatchAsync(TimelineDbContext db, string match, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"EventSearch\" WHERE \"EventSearch\" MATCH {0}", match)
            .SingleAsync(ct);

    /// <summary>
    /// How many live events match an expression, counted no further than <paramref name="limit"/>, and the last event id
    /// reached: the index lists matches by id, so a count stopped at the limit tells the share of events the expression
    /// matches (limit / last id, when ids are spread as they are). FTS5 reads exact words' lists of matches lazily, so a
    /// word in every event reads a few thousand entries (1-8 ms at a million events, where the full count took 0.2-1 s);
    /// a prefix's list is gathered whole either way.
    /// </summary>
    public static async Task<(int Count, long Last)> CountUpToAsync(TimelineDbContext db, string match, int limit, CancellationToken ct)
    {
        var r = await db.Database.SqlQueryRaw<Reach>(
            "SELECT COUNT(*) AS \"Count\", IFNULL(MAX(rowid), 0) AS \"Last\" FROM (SELECT rowid FROM \"EventSearch\" WHERE \"EventSearch\" MATCH {0} LIMIT {1})",
            match, limit).SingleAsync(ct);
        return (r.Count, r.Last);
    }

    private sealed class Reach
    {
        public int Count { get; set; }
        public long Last { get; set; }
    }

    /// <summary>How many words of the index an exact expression (<see cref="ExactMatchAsync"/>) looks up: each is quoted.</summary>
    public static int WordsOf(string exactMatch) => exactMatch.Count(c => c == '"') / 2;

    /// <summary>Beyond this many words of the index beginning with a typed word, the prefix is left as it is.</summary>
    internal const int MaxExpansion = 40;

    /// <summary>
    /// The MATCH expression with each typed word replaced by the words of the index that it begins ("synth" by
    /// ("synthesis" OR "synthetic")): the same matches. Null when a word is not plain ASCII (the index's tokenizer
    /// folds other letters in ways not repeated here) or begins more than <see cref="MaxExpansion"/> words. FTS5
    /// gathers a prefix's whole list of matches at every evaluation, so testing one event against "synthetic"*
    /// costs as much as finding all million (about 90 ms), and against the exact word it is one seek. The words come
    /// from <c>EventSearchTerms</c> (SearchIndex), not from FTS5's own vocabulary (fts5vocab), which reads every match
    /// of each word it lists: 40-300 ms for "and" or "dated", in every one of a million events.
    /// </summary>
    public static async Task<string?> ExactMatchAsync(TimelineDbContext db, string text, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var (w, phrase) in Pieces(text))
        {
            if (phrase)
            {
                parts.Add(Quote(w));
                continue;
            }
            var folded = NameFolding.Fold(w);
            var exact = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var prefix in folded.Length > 0 ? new[] { w, folded } : [w])
            {
                if (!prefix.All(char.IsAscii)) return null;
                var lower = prefix.ToLowerInvariant();
                exact.UnionWith(await db.Database.SqlQueryRaw<string>(
                    "SELECT \"Term\" AS \"Value\" FROM \"EventSearchTerms\" WHERE \"Term\" >= {0} AND \"Term\" < {1} LIMIT {2}",
                    lower, lower + "\U0010FFFF", MaxExpansion + 1).ToListAsync(ct));
            }
            if (exact.Count == 0 || exact.Count > MaxExpansion) return null;
            parts.Add("(" + string.Join(" OR ", exact.Select(Quote)) + ")");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>
    /// The events matching an exact expression (<see cref="ExactMatchAsync"/>), each tested on its own: read in the
    /// order of an outer query, a page of a word in every event tests 50 events instead of gathering a million.
    /// </summary>
    public static IQueryable<Event> Probing(TimelineDbContext db, string exactMatch) => db.Events.FromSqlRaw(
        "SELECT * FROM \"Events\" WHERE EXISTS (SELECT 1 FROM \"EventSearch\" WHERE \"EventSearch\" MATCH {0} AND rowid = \"Events\".\"Id\")",
        exactMatch);

    /// <summary>The FTS5 MATCH expression, or null when the text has nothing searchable.</summary>
    public static string? ToMatch(string text)
    {
        var parts = new List<string>();
        foreach (var (w, phrase) in Pieces(text))
        {
            if (phrase)
            {
                parts.Add(Quote(w));
                continue;
            }
            var folded = NameFolding.Fold(w);
            parts.Add(folded.Length > 0 && !string.Equals(folded, w, StringComparison.OrdinalIgnoreCase)
                ? $"({Quote(w)}* OR {Quote(folded)}*)"
                : $"{Quote(w)}*");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>The words a highlighter should mark for this query.</summary>
    public static IReadOnlyList<string> HighlightWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Terms(text).SelectMany(t => Words(t.Text)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>What a query asks for, in order: each quoted phrase (its words joined by spaces) and each other word.</summary>
    private static IEnumerable<(string Text, bool Phrase)> Pieces(string text)
    {
        foreach (var term in Terms(text))
        {
            var words = Words(term.Text);
            if (words.Count == 0) continue;
            if (term.Phrase) yield return (string.Join(' ', words), true);
            else foreach (var w in words) yield return (w, false);
        }
    }

    private static IEnumerable<(string Text, bool Phrase)> Terms(string text)
    {
        var sb = new StringBuilder();
        var inQuote = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                if (sb.Length > 0) yield return (sb.ToString(), inQuote);
                sb.Clear();
                inQuote = !inQuote;
            }
            else sb.Append(c);
        }
        // A quote never closed makes no phrase: what follows it is read as plain words, as if it were not there.
        if (sb.Length > 0) yield return (sb.ToString(), false);
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
