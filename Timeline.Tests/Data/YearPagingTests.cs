using Microsoft.EntityFrameworkCore;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// Pages under a year filter are merged from two index-friendly parts; they must be exactly the pages of
/// the plain overlap query, in every order, including events that are long or loosely dated and events
/// that were deleted.
/// </summary>
public sealed class YearPagingTests : IClassFixture<YearPagingTests.Synthetic>
{
    public sealed class Synthetic : IAsyncLifetime
    {
        public TestDatabase Db { get; } = new();

        public async Task InitializeAsync()
        {
            await Db.Get<DatasetImporter>().ImportAsync(
                new SyntheticData(new SyntheticOptions { Events = 3_000, Persons = 400, Sources = 40, Seed = 11 }).Entries(), null);
            // Deleted events must stay out of both parts.
            using var ctx = Db.NewContext();
            await ctx.Database.ExecuteSqlRawAsync("""UPDATE "Events" SET "IsDeleted" = 1 WHERE "Id" % 17 = 0""");
            // As a deletion through the app does, they leave the text index too.
            var deleted = await ctx.Events.IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => e.Id).ToListAsync();
            await Timeline.Domain.Search.SearchIndex.UpdateAsync(ctx, deleted);
            await Timeline.Domain.Data.EventCounts.RebuildAsync(ctx);
        }

        public Task DisposeAsync()
        {
            Db.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly TestDatabase _db;

    public YearPagingTests(Synthetic data) => _db = data.Db;

    public static TheoryData<EventSort> Sorts() => new(Enum.GetValues<EventSort>());

    // A year, a range with kinds, and the two open ends, each of which has long events reaching in from outside.
    private static readonly EventFilter[] YearFilters =
    [
        new EventFilter { FromYear = 1937, ToYear = 1937 },
        new EventFilter { FromYear = 1920, ToYear = 1925, Kinds = [EventKind.Arrest, EventKind.Trial] },
        new EventFilter { FromYear = 1950 },
        new EventFilter { ToYear = 1921, Statuses = [ClaimStatus.Attributed] },
        // Kinds and statuses over a few years: the deep pages of a kind's or status's order, whose edges come sorted and cut from SQL.
        new EventFilter { FromYear = 1918, ToYear = 1920 },
        new EventFilter { FromYear = 1930, ToYear = 1940, Kinds = [EventKind.Arrest], Statuses = [ClaimStatus.Disputed, ClaimStatus.Stated] },
    ];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Pages_under_a_year_filter_equal_the_plain_overlap_query_in_every_order(EventSort sort)
    {
        var queries = _db.Get<EventQueries>();
        foreach (var filter in YearFilters)
        {
            using var ctx = _db.NewContext();
            var all = await EventQueries.Sort(await EventQueries.FilterAsync(ctx, filter, default), sort).Select(e => e.Id).ToListAsync();
            Assert.True(all.Count > 60, $"The dataset should give {filter} more than a page.");
            var long_ = await ctx.Events.Where(e => e.LatestDay - e.EarliestDay > 365).CountAsync();
            Assert.True(long_ > 0, "The dataset should have events longer than a year.");
            foreach (var page in new[] { 1, 2, all.Count / 50, all.Count / 25 })
            {
                var got = await queries.SearchAsync(filter, page, 25, sort);
                Assert.Equal(all.Skip((page - 1) * 25).Take(25), got.Items.Select(e => e.Id));
                Assert.Equal(all.Count, got.Total);
            }
        }
    }

    [Fact]
    public async Task A_total_of_kinds_or_years_where_no_event_lies_is_zero()
    {
        var queries = _db.Get<EventQueries>();
        Assert.Equal(0, (await queries.SearchAsync(new EventFilter { FromYear = 3000, ToYear = 3001 })).Total);
        Assert.Equal(0, (await queries.SearchAsync(new EventFilter { FromYear = 2900, ToYear = 2900, Kinds = [EventKind.Other] }, sort: EventSort.Kind)).Total);
        Assert.Equal(0, await queries.CountAsync(new EventFilter { FromYear = 3000, ToYear = 3000, Statuses = [ClaimStatus.Disputed] }));
    }

    [Theory]
    [InlineData(EventSort.Date)]
    [InlineData(EventSort.DateDescending)]
    public async Task A_common_term_probed_in_date_order_gives_the_same_pages_as_looking_its_matches_up(EventSort sort)
    {
        using var ctx = _db.NewContext();
        var live = ctx.Events.AsNoTracking();
        var word = (await live.Select(e => e.Title).FirstAsync()).Split(' ')[0];
        var looked = await EventQueries.Sort(Timeline.Domain.Search.TextSearch.Apply(ctx, live, word), sort).Select(e => e.Id).ToListAsync();
        var probed = await EventQueries.Sort(Timeline.Domain.Search.TextSearch.Apply(ctx, live, word, probe: true), sort).Select(e => e.Id).ToListAsync();

        Assert.True(looked.Count > 50, $"'{word}' should match many events.");
        Assert.Equal(looked, probed);
        Assert.Equal(looked.Count, await Timeline.Domain.Search.TextSearch.CountAsync(ctx, word, default));
    }

    [Theory]
    [InlineData("synthetic")]
    [InlineData("Synth")]
    [InlineData("arr")]
    [InlineData("synthetic event")]
    [InlineData("\"synthetic\" of")]
    public async Task A_common_text_tested_against_its_exact_words_matches_what_its_prefixes_match(string text)
    {
        using var ctx = _db.NewContext();
        var live = ctx.Events.AsNoTracking();
        var looked = await Timeline.Domain.Search.TextSearch.Apply(ctx, live, text).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var exact = await Timeline.Domain.Search.TextSearch.ExactMatchAsync(ctx, text, default);

        Assert.NotNull(exact);
        Assert.True(looked.Count > 50, $"'{text}' should match many events.");
        var probed = await Timeline.Domain.Search.TextSearch.Probing(ctx, exact).Where(e => !e.IsDeleted).OrderBy(e => e.Id)
            .Select(e => e.Id).ToListAsync();
        Assert.Equal(looked, probed);
        Assert.Equal(looked.Count, (await _db.Get<EventQueries>().SearchAsync(new EventFilter { Text = text }, 1, 25)).Total);
    }

    [Fact]
    public async Task Text_with_letters_the_index_folds_its_own_way_keeps_its_prefixes()
    {
        using var ctx = _db.NewContext();
        Assert.Null(await Timeline.Domain.Search.TextSearch.ExactMatchAsync(ctx, "Мясников", default));
        Assert.Null(await Timeline.Domain.Search.TextSearch.ExactMatchAsync(ctx, "Bljumkin Žukov", default));
    }

    [Fact]
    public async Task The_histogram_under_a_year_filter_counts_each_matching_event_once_in_the_year_it_is_dated()
    {
        var queries = _db.Get<EventQueries>();
        foreach (var filter in YearFilters)
        {
            using var ctx = _db.NewContext();
            var expected = (await (await EventQueries.FilterAsync(ctx, filter, default)).Select(e => e.SortDay).ToListAsync())
                .GroupBy(d => DateOnly.FromDayNumber(d).Year).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count())).ToList();
            Assert.Contains(expected, y => y.Year < (filter.FromYear ?? int.MinValue) || y.Year > (filter.ToYear ?? int.MaxValue));

            Assert.Equal(expected, await queries.YearCountsAsync(filter));
        }
    }

    // Common filters, where a page is read by walking the sort's index, and rarer ones, where the matches are sorted.
    private static readonly EventFilter[] PlainFilters =
    [
        new EventFilter(),
        new EventFilter { Statuses = [ClaimStatus.Stated] },
        new EventFilter { Kinds = [EventKind.Arrest] },
        new EventFilter { Kinds = [EventKind.Arrest, EventKind.Trial], Statuses = [ClaimStatus.Attributed, ClaimStatus.Disputed] },
        new EventFilter { Statuses = [ClaimStatus.Disputed], Text = "of" },
    ];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Pages_without_a_year_filter_equal_the_plain_query_in_every_order_whether_the_sort_index_is_walked_or_not(EventSort sort)
    {
        var queries = _db.Get<EventQueries>();
        using var ctx = _db.NewContext();
        var maxId = await ctx.Events.IgnoreQueryFilters().MaxAsync(e => e.Id);
        var walked = 0;
        foreach (var filter in PlainFilters)
        {
            var all = await EventQueries.Sort(await EventQueries.FilterAsync(ctx, filter, default), sort).Select(e => e.Id).ToListAsync();
            Assert.True(all.Count > 60, $"The dataset should give {filter} more than a page.");
            foreach (var page in new[] { 1, 3, all.Count / 25 })
            {
                if (EventQueries.WalkBeatsSort(page * 25, all.Count, maxId)) walked++;
                var got = await queries.SearchAsync(filter, page, 25, sort);
                Assert.Equal(all.Count, got.Total);
                Assert.Equal(all.Skip((page - 1) * 25).Take(25), got.Items.Select(e => e.Id));
            }
        }
        Assert.InRange(walked, 1, PlainFilters.Length * 3 - 1);
    }

    [Theory]
    [InlineData(50, 600_000, 1_000_000, true)] // the first page of the stated events of a million
    [InlineData(250, 30_000, 1_000_000, true)] // the fifth page of one uncommon kind
    [InlineData(30_000, 30_000, 1_000_000, false)] // its last page: the walk would pass nearly every event
    [InlineData(50, 2_000, 1_000_000, false)] // a rare filter: sorting two thousand is cheaper
    [InlineData(50, 0, 1_000_000, false)]
    public void Walking_the_sort_index_is_chosen_when_it_meets_fewer_rows_than_sorting_the_matches(int needed, int matches, int all, bool walk) =>
        Assert.Equal(walk, EventQueries.WalkBeatsSort(needed, matches, all));
}
