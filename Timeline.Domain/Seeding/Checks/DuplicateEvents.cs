using System.Globalization;
using Timeline.Domain.Text;

namespace Timeline.Domain.Seeding.Checks;

/// <summary>
/// Likely duplicates: two events of the same kind (or one filed as other) whose dates can overlap, and that
/// either name the same principal person (two deaths of one man) or have similar titles. Titles are compared as
/// sets of word stems after folding (<see cref="TitleSimilarity"/>); measured on the seed of issue 11 (939 events,
/// 440,000 pairs), Jaccard 0.5 alone, or 0.4 with a shared participant, flags 13 pairs, the known duplicates among them.
/// A pair judged distinct is listed in distinct-events.json and no longer reported.
/// </summary>
internal static class DuplicateEvents
{
    public const double SimilarTitles = 0.5;
    public const double SimilarTitlesWithSharedPeople = 0.4;

    // The person an event of these kinds is about: two such events of one person at one time are one happening.
    private static readonly Dictionary<string, string> Principal = new(StringComparer.Ordinal)
    {
        ["arrest"] = "arrested", ["expulsion"] = "expelled", ["execution"] = "executed", ["exile"] = "exiled",
        ["release"] = "released", ["death"] = "deceased", ["trial"] = "defendant",
    };

    private sealed record Item(EventEntry Entry, int Earliest, int Latest, HashSet<string> Stems, HashSet<string> People);

    public static IEnumerable<SeedProblem> Check(IReadOnlyList<EventEntry> events, IReadOnlyList<DistinctPair> distinct)
    {
        var ids = events.Select(e => e.Record.Id).ToHashSet(StringComparer.Ordinal);
        var judged = new HashSet<(string, string)>();
        foreach (var (pair, i) in distinct.Select((p, i) => (p, i)))
        {
            var record = $"{pair.A} / {pair.B}";
            if (string.IsNullOrWhiteSpace(pair.A) || !ids.Contains(pair.A))
                yield return SeedChecker.Problem("distinct pair", SeedChecker.DistinctFile, record, $"[{i}].a", $"no event has the id '{pair.A}'.");
            else if (string.IsNullOrWhiteSpace(pair.B) || !ids.Contains(pair.B))
                yield return SeedChecker.Problem("distinct pair", SeedChecker.DistinctFile, record, $"[{i}].b", $"no event has the id '{pair.B}'.");
            else if (string.IsNullOrWhiteSpace(pair.Why))
                yield return SeedChecker.Problem("distinct pair", SeedChecker.DistinctFile, record, $"[{i}].why", "say why the two events are distinct.");
            judged.Add(Key(pair.A ?? "", pair.B ?? ""));
        }

        var items = events.Select(Describe).OfType<Item>().ToList();
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
            {
                var (a, b) = (items[i], items[j]);
                if (Reason(a, b) is not { } reason || judged.Contains(Key(a.Entry.Record.Id, b.Entry.Record.Id))) continue;
                yield return SeedChecker.Problem("likely duplicate", a.Entry.File, a.Entry.Record.Id, "id",
                    $"likely the same happening as '{b.Entry.Record.Id}' ({b.Entry.File}): {reason}. Merge them into one event that keeps "
                    + $"all the evidence, or list the pair in {SeedChecker.DistinctFile} with why they are distinct.");
            }
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    /// <summary>Why two events look like one, or null.</summary>
    private static string? Reason(Item a, Item b)
    {
        var (x, y) = (a.Entry.Record, b.Entry.Record);
        if (x.Kind != y.Kind && x.Kind != "other" && y.Kind != "other") return null;
        if (a.Latest < b.Earliest || b.Latest < a.Earliest) return null;
        var kinds = x.Kind == y.Kind ? $"both {x.Kind}" : $"{x.Kind} and {y.Kind}";
        if (x.Kind == y.Kind && Principal.TryGetValue(x.Kind, out var role))
        {
            var ofX = (x.Participants ?? []).Where(p => p.Role == role).Select(p => p.Person).ToList();
            var ofY = (y.Participants ?? []).Where(p => p.Role == role).Select(p => p.Person).ToList();
            if (ofX.Intersect(ofY, StringComparer.Ordinal).FirstOrDefault() is { } shared) return $"{kinds} of '{shared}' ({role}), dates that overlap";
            // Two deaths, arrests or expulsions of different people are different happenings, however alike their titles.
            if (ofX.Count > 0 && ofY.Count > 0) return null;
        }
        var similarity = TitleSimilarity(a.Stems, b.Stems);
        var text = similarity.ToString("0.00", CultureInfo.InvariantCulture);
        if (similarity >= SimilarTitles) return $"{kinds}, dates that overlap, similar titles ({text})";
        if (similarity >= SimilarTitlesWithSharedPeople && a.People.Overlaps(b.People))
            return $"{kinds}, dates that overlap, a shared participant and similar titles ({text})";
        return null;
    }

    private static Item? Describe(EventEntry entry)
    {
        var (start, _) = SeedChecker.DateOf(entry.Record.Start);
        if (start is null) return null;
        var (end, _) = SeedChecker.DateOf(entry.Record.End);
        var latest = Math.Max(start.Latest.DayNumber, end?.Latest.DayNumber ?? 0);
        return new Item(entry, start.Earliest.DayNumber, latest, Stems(entry.Record.Title),
            (entry.Record.Participants ?? []).Select(p => p.Person).ToHashSet(StringComparer.Ordinal));
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "by", "with", "from", "his", "her", "their", "its", "as",
        "is", "was", "were", "be", "into", "after", "before", "over", "about", "against", "s",
    };

    /// <summary>
    /// The title's words, folded like names (Zinoviev and Zinov'ev meet), stop words dropped, cut to five letters so
    /// that "expels", "expelled" and "expulsion" meet ("expel", "expul" do not: close enough for a warning).
    /// </summary>
    internal static HashSet<string> Stems(string title) =>
        NameFolding.Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w)).Select(w => w.Length > 5 ? w[..5] : w).ToHashSet(StringComparer.Ordinal);

    /// <summary>Jaccard similarity: shared stems over all stems.</summary>
    internal static double TitleSimilarity(HashSet<string> a, HashSet<string> b)
    {
        var union = a.Count + b.Count - a.Count(b.Contains);
        return union == 0 ? 0 : (double)a.Count(b.Contains) / union;
    }
}
