using Microsoft.EntityFrameworkCore;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Domain.Search;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// A text search's page counts its matches no further than <see cref="EventQueries.TextCountLimit"/> and says when its
/// total is a bound; the exact figure, counted apart, is the plain count. Needs more synthetic events than the bound.
/// </summary>
public sealed class TextTotalTests : IClassFixture<TextTotalTests.Synthetic>
{
    public sealed class Synthetic : IAsyncLifetime
    {
        public TestDatabase Db { get; } = new();

        public async Task InitializeAsync()
        {
            await Db.Get<DatasetImporter>().ImportAsync(new SyntheticData(new SyntheticOptions
            {
                Events = EventQueries.TextCountLimit + 1_500, Persons = 300, Sources = 20, Seed = 5,
            }).Entries(), null);
            // Deleted events leave the index (as a deletion through the app does) and must not be counted.
            using var ctx = Db.NewContext();
            await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Events" SET "IsDeleted" = 1 WHERE "Id" % 50 = 0""");
            await SearchIndex.UpdateAsync(ctx, await ctx.Events.IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => e.Id).ToListAsync());
        }

        public Task DisposeAsync()
        {
            Db.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly TestDatabase _db;

    public TextTotalTests(Synthetic data) => _db = data.Db;

    /// <summary>The plain answer: the live events the text's prefixes match, looked up in the events table.</summary>
    private async Task<List<int>> Plain(string text)
    {
        using var ctx = _db.NewContext();
        return await EventQueries.Sort(TextSearch.Apply(ctx, ctx.Events.AsNoTracking(), text), EventSort.Date).Select(e => e.Id).ToListAsync();
    }

    [Theory]
    [InlineData("synthetic")]          // a word in every event
    [InlineData("gen")]                // a prefix of a word in every event
    [InlineData("synthetic event and")] // words in every event together
    public async Task A_text_matching_more_events_than_the_bound_says_its_total_is_a_bound_and_its_exact_count_is_the_plain_one(string text)
    {
        var queries = _db.Get<EventQueries>();
        var plain = await Plain(text);
        Assert.True(plain.Count > EventQueries.TextCountLimit, $"'{text}' should match more than the bound ({plain.Count}).");

        var page = await queries.SearchAsync(new EventFilter { Text = text }, 1, 50);

        Assert.True(page.TotalIsLowerBound);
        Assert.Equal(EventQueries.TextCountLimit, page.Total);
        Assert.Equal(plain.Take(50), page.Items.Select(e => e.Id));
        Assert.Equal(plain.Count, await queries.CountAsync(new EventFilter { Text = text }));
        Assert.True(EventQueries.TotalMayBeBound(new EventFilter { Text = text }, page.Total));
    }

    [Fact]
    public async Task A_text_matching_fewer_events_than_the_bound_has_its_exact_total()
    {
        var queries = _db.Get<EventQueries>();
        using var ctx = _db.NewContext();
        // A name: in some events, far fewer than the bound.
        var name = (await ctx.PersonNames.Select(n => n.Name).FirstAsync()).Split(' ')[^1];
        var plain = await Plain(name);
        Assert.InRange(plain.Count, 1, EventQueries.TextCountLimit - 1);

        var page = await queries.SearchAsync(new EventFilter { Text = name }, 1, 50);

        Assert.False(page.TotalIsLowerBound);
        Assert.Equal(plain.Count, page.Total);
        Assert.Equal(plain.Take(50), page.Items.Select(e => e.Id));
        Assert.Equal(plain.Count, await queries.CountAsync(new EventFilter { Text = name }));
    }

    [Fact]
    public void A_text_in_every_event_is_tested_event_by_event_and_many_words_in_few_events_are_listed_first()
    {
        // The figures of "and" and "Mikhail" at a million events (EventQueries.Resolved.ProbingPays).
        var and = new EventQueries.Resolved(null, null, EventQueries.TextCountLimit + 1, ExactText: "(\"and\")", TextShare: 1, AllEvents: 1_000_000);
        var mikhail = and with { ExactText = "(" + string.Join(" OR ", Enumerable.Repeat("\"mikhail\"", 9)) + ")", TextShare = 0.14 };

        Assert.True(and.ProbingPays(50));
        Assert.True(and.ProbingPays(250));
        Assert.False(mikhail.ProbingPays(50));
        var andOtherInvolving = and with { ExactText = "(" + string.Join(" OR ", Enumerable.Repeat("\"and\"", 10)) + ")", TextShare = 0.33 };
        Assert.True(andOtherInvolving.ProbingPays(50));
        Assert.False((and with { TextShare = 0 }).ProbingPays(50)); // counted in full: no more than the bound, listed

        // A surname in thousands of events walks the date index against its list; a handful of matches are fetched and sorted.
        var surname = new EventQueries.Resolved(null, null, 12_000, ExactText: "(\"kalinin\")", AllEvents: 1_000_000);
        Assert.True(surname.WalkPays(50));
        Assert.False((surname with { TextMatches = 500 }).WalkPays(50));
    }

    [Fact]
    public async Task A_text_under_other_filters_keeps_its_exact_total()
    {
        var filter = new EventFilter { Text = "synthetic", FromYear = 1930, ToYear = 1940 };
        var queries = _db.Get<EventQueries>();
        using var ctx = _db.NewContext();
        var plain = await (await EventQueries.FilterAsync(ctx, filter, default)).CountAsync();

        var page = await queries.SearchAsync(filter, 1, 50);

        Assert.False(page.TotalIsLowerBound);
        Assert.Equal(plain, page.Total);
        Assert.False(EventQueries.TotalMayBeBound(filter, page.Total));
    }
}
