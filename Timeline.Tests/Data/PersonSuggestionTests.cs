using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Curation;
using Timeline.Domain.Data;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// The pickers' person search (issue 13: autocomplete ≤ 50 ms at a million events) reads the first names without
/// counting all the matches, and walks the ranked index for common prefixes: its names and their order must be the
/// plain answer's, and the persons page's, for any query, after merges and deletions.
/// </summary>
public sealed class PersonSuggestionTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _db = new();
    private List<(int Id, string Name)> _persons = [];
    private ILookup<int, string> _names = null!;
    private Dictionary<int, int> _counted = [];
    private List<int> _merges = []; // kept, merged, merged, kept

    public async Task InitializeAsync()
    {
        await _db.Get<DatasetImporter>().ImportAsync(
            new SyntheticData(new SyntheticOptions { Events = 3_000, Persons = 600, Sources = 40, Seed = 7 }).Entries(), null);
        using var ctx = _db.NewContext();
        // Two merges through the commands (the merged persons' names become the kept ones' variants)...
        var busiest = _merges = await ctx.Persons.OrderByDescending(p => p.EventCount).ThenBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync();
        var commands = _db.Get<PersonCommands>();
        await commands.MergeAsync(TestActors.Editor, busiest[0], busiest[1]);
        await commands.MergeAsync(TestActors.Editor, busiest[3], busiest[2]);
        // ...and deleted events and persons, which count for no one and are not found.
        await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Events" SET "IsDeleted" = 1 WHERE "Id" % 17 = 0""");
        await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Persons" SET "IsDeleted" = 1 WHERE "Id" % 23 = 0 AND "Id" NOT IN ({0}, {1})""", busiest[0], busiest[3]);
        await PersonEventCounts.RebuildAsync(ctx);

        _persons = (await ctx.Persons.Select(p => new { p.Id, p.Name }).ToListAsync()).Select(p => (p.Id, p.Name)).ToList();
        _names = (await ctx.PersonNames.Select(n => new { n.PersonId, n.Folded }).ToListAsync()).ToLookup(n => n.PersonId, n => n.Folded);
        var live = (await ctx.Events.Select(e => e.Id).ToListAsync()).ToHashSet();
        _counted = (await ctx.Participations.Select(p => new { p.PersonId, p.EventId }).ToListAsync())
            .Where(p => live.Contains(p.EventId)).Distinct().GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.Count());
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _db.Dispose();

    /// <summary>The plain answer: every live person tested in memory, sorted as the search says it sorts.</summary>
    private List<int> Expected(string? q)
    {
        var folded = NameFolding.Fold(q);
        if (folded.Length == 0 && !string.IsNullOrWhiteSpace(q)) return [];
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return _persons
            .Where(p => words.Length == 0 || _names[p.Id].Any(n => PersonQueries.EachBeginsADifferentWord(words, n.Split(' '))))
            .OrderByDescending(p => words.Length > 0 && _names[p.Id].Any(n => n.StartsWith(folded, StringComparison.Ordinal)))
            .ThenByDescending(p => _counted.GetValueOrDefault(p.Id)).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => p.Id).ToList();
    }

    /// <summary>Three-letter starts of name words, commonest first, with how many names begin with each.</summary>
    private List<(string Prefix, int Words, int Starts)> Prefixes()
    {
        var names = _persons.SelectMany(p => _names[p.Id]).ToList();
        return names.SelectMany(n => n.Split(' ')).Where(w => w.Length >= 3).GroupBy(w => w[..3])
            .Select(g => (g.Key, g.Count(), names.Count(n => n.StartsWith(g.Key, StringComparison.Ordinal))))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    private async Task AssertAsExpectedAsync(string? q, int take)
    {
        var expected = Expected(q);
        var suggested = await _db.Get<CatalogQueries>().SuggestPersonsAsync(q, take);
        Assert.Equal(expected.Take(take), suggested.Select(p => p.Id));
        var page = await _db.Get<CatalogQueries>().SearchPersonsAsync(q, 1, take);
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(suggested.Select(p => p.Id), page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task The_suggestions_are_the_plain_answers_first_names_for_short_and_long_prefixes_and_full_names()
    {
        var common = Prefixes()[0].Prefix;
        var surname = NameFolding.Fold(_persons[0].Name).Split(' ')[^1];
        foreach (var q in new[] { common, common[..1], common[..2], surname, surname[..4], _persons[5].Name, "zzqx", "", "?!", null })
            foreach (var take in new[] { 1, 5, 20, 25 })
                await AssertAsExpectedAsync(q, take);
    }

    [Fact]
    public async Task Cyrillic_and_diacritics_find_what_the_latin_spelling_finds()
    {
        // A Cyrillic variant of a synthetic person, typed as a picker would, and the same start with diacritics.
        using var ctx = _db.NewContext();
        var cyrillic = (await ctx.PersonNames.Select(n => n.Name).ToListAsync()).First(n => n.StartsWith('А'));
        var word = cyrillic.Split(' ')[0];
        foreach (var q in new[] { word[..3], word, cyrillic.ToUpperInvariant(), "Ále", "ÁLEKS", "Šos" })
            foreach (var take in new[] { 5, 20 })
                await AssertAsExpectedAsync(q, take);
        Assert.Equal(Expected("ale").Take(20), (await _db.Get<CatalogQueries>().SuggestPersonsAsync("Але", 20)).Select(p => p.Id));
    }

    [Fact]
    public async Task Namesakes_are_ranked_by_their_events_then_name_then_id()
    {
        // The commonest surname: many namesakes, several with as many events as another (the id breaks the tie).
        var surname = _persons.Select(p => NameFolding.Fold(p.Name).Split(' ')[^1]).GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        Assert.True(Expected(surname).Count > 5, $"'{surname}' should have namesakes.");
        foreach (var take in new[] { 1, 5, 25 })
            await AssertAsExpectedAsync(surname, take);
        // And narrowed by the start of one namesake's first name, in either order.
        var first = _persons.Select(p => NameFolding.Fold(p.Name)).First(n => n.EndsWith(" " + surname, StringComparison.Ordinal)).Split(' ')[0];
        await AssertAsExpectedAsync(surname + " " + first[..2], 25);
        await AssertAsExpectedAsync(first[..2] + " " + surname[..3], 25);
    }

    [Fact]
    public async Task Merged_and_deleted_persons_are_not_suggested_and_the_kept_person_is_found_by_the_merged_names()
    {
        using var ctx = _db.NewContext();
        var merged = await ctx.Persons.IgnoreQueryFilters().Where(p => p.IsDeleted).Select(p => p.Id).ToListAsync();
        Assert.Contains(_merges[1], merged);
        var mergedName = await ctx.Persons.IgnoreQueryFilters().Where(p => p.Id == _merges[1]).Select(p => p.Name).SingleAsync();
        Assert.Contains(_merges[0], (await _db.Get<CatalogQueries>().SuggestPersonsAsync(mergedName, 25)).Select(p => p.Id));
        await AssertAsExpectedAsync(mergedName, 25);
        foreach (var (prefix, _, _) in Prefixes().Take(8))
        {
            var suggested = await _db.Get<CatalogQueries>().SuggestPersonsAsync(prefix, 25);
            Assert.DoesNotContain(suggested, p => merged.Contains(p.Id));
            await AssertAsExpectedAsync(prefix, 25);
        }
    }

    [Fact]
    public void Counting_matches_up_to_the_walk_bound_chooses_as_counting_them_all()
    {
        foreach (var needed in new long[] { 1, 2, 5, 25, 50, 250 })
            foreach (var all in new long[] { 1, 7, 100, 600, 198_690, 1_000_000, 40_000_000 })
            {
                var bound = PersonQueries.WalkCountBound(needed, all);
                var root = (long)Math.Sqrt(needed * all);
                foreach (var count in new[] { 0, 1, root - 1, root, root + 1, root + 2, root + 3, bound, bound + 1, 10 * bound }.Where(c => c >= 0))
                    Assert.Equal(EventQueries.WalkBeatsSort(needed, count, all), EventQueries.WalkBeatsSort(needed, Math.Min(count, bound), all));
            }
    }

    [Fact]
    public async Task A_common_prefix_is_read_by_the_walk_of_the_ranked_index_and_equals_the_plain_answer()
    {
        using var ctx = _db.NewContext();
        var prefixes = Prefixes();
        // A prefix many names start with (the walk of those first), and one that mostly begins later words (then the
        // walk of the others): both must take the walk here, or this test would not cover it.
        // (The walk is taken when its page times all persons is below the square of the index entries: WalkBeatsSort.)
        var all = await ctx.Persons.IgnoreQueryFilters().CountAsync();
        bool Walked(int entries, int take) => (long)entries * entries > (long)take * all;
        var starting = prefixes.First(p => Walked(p.Starts, 5));
        // Fewer names than the page start with these ("ano", "bel": surnames of which most names begin with a first name).
        var none = prefixes.First(p => p.Starts == 0 && Walked(p.Words, 2));
        var few = prefixes.First(p => p.Starts > 0 && Walked(p.Words, p.Starts + 1));
        foreach (var (prefix, take) in new[] { (starting.Prefix, 5), (starting.Prefix, 1), (none.Prefix, 2), (none.Prefix, 1), (few.Prefix, few.Starts + 1) })
        {
            Assert.NotNull(await PersonQueries.CommonPrefixPageAsync(ctx, prefix, 0, take, default));
            await AssertAsExpectedAsync(prefix, take);
        }
    }
}
