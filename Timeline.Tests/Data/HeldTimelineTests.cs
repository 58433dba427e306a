using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>
/// What the browser holds answers a window exactly as the server would: the same items in the same lanes and order,
/// and nothing (so the server is asked) where the server draws bars or summaries.
/// </summary>
public sealed class HeldTimelineTests(TimelineData data) : IClassFixture<TimelineData>
{
    private readonly TestDatabase _db = data.Database;

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string?> Windows => new()
    {
        { "1931-01-01", "1931-03-31", null },
        { "1931-02-14", "1931-02-20", null },
        { "1934-06-01", "1936-05-31", null },
        { "1929-01-01", "1929-12-31", null },
        { "1925-01-01", "1945-12-31", null },
        { "1930-01-01", "1934-12-31", null },
        { "1925-01-01", "1945-12-31", "Radek" },
        { "1933-05-01", "1933-07-31", "Radek" },
        { "1931-01-01", "1931-12-31", "Bukharin" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task A_filter_held_whole_answers_each_window_as_the_server_does(string from, string to, string? person)
    {
        var filter = person is null ? new EventFilter() : new EventFilter { PersonNames = [person] };
        var timelines = _db.Get<TimelineQueries>();
        var held = await timelines.HeldAsync(filter, 2000);
        Assert.NotNull(held);

        var server = await timelines.WindowAsync(filter, Day(from), Day(to));
        var local = held.Slice(Day(from), Day(to));

        AssertSame(server, local);
    }

    [Theory]
    [InlineData("1931-02-01", "1931-02-28")]
    [InlineData("1931-01-10", "1931-02-05")]
    [InlineData("1931-03-01", "1931-03-28")]
    public async Task The_region_around_a_sparse_window_answers_the_windows_inside_it_as_the_server_does(string from, string to)
    {
        var timelines = _db.Get<TimelineQueries>();
        // The region the page fetches ahead around February 1931: three times as wide.
        var region = TimelineHeld.Of(await timelines.WindowAsync(new EventFilter(), Day("1931-01-04"), Day("1931-03-28")));
        Assert.NotNull(region);

        AssertSame(await timelines.WindowAsync(new EventFilter(), Day(from), Day(to)), region.Slice(Day(from), Day(to)));
        // Beyond the region it has nothing to say.
        Assert.Null(region.Slice(Day("1930-12-01"), Day("1931-01-31")));
    }

    [Fact]
    public async Task A_filter_with_more_events_than_the_limit_is_not_held_nor_a_window_with_bars()
    {
        var timelines = _db.Get<TimelineQueries>();
        Assert.Null(await timelines.HeldAsync(new EventFilter(), 1000));
        Assert.Null(TimelineHeld.Of(await timelines.WindowAsync(new EventFilter(), Day("1925-01-01"), Day("1945-12-31"))));
    }

    private static void AssertSame(TimelineWindow server, TimelineWindow? local)
    {
        if (server.IsDensity || server.Loose.Count > 0)
        {
            Assert.Null(local);
            return;
        }
        Assert.NotNull(local);
        Assert.Equal(server.Total, local.Total);
        Assert.Equal(server.Lanes, local.Lanes);
        // Within an event, its lanes (persons) may come in either order.
        Assert.Equal(server.Items.OrderBy(i => i.EventId).ThenBy(i => i.Lane, StringComparer.Ordinal),
            local.Items.OrderBy(i => i.EventId).ThenBy(i => i.Lane, StringComparer.Ordinal));
        Assert.Equal(server.Items.Select(i => i.EventId).Distinct(), local.Items.Select(i => i.EventId).Distinct());
    }
}

/// <summary>The extent is read once per filter while it lasts, so opening the timeline and "Fit all" cost one query.</summary>
public sealed class TimelineExtentsTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task The_extent_of_a_filter_is_kept_for_its_lifetime_and_then_read_again()
    {
        using var db = new TestDatabase();
        await TimelineData.FillAsync(db);
        var clock = new Clock();
        var extents = new TimelineExtents(db.Get<TimelineQueries>(), clock);
        var arrests = new EventFilter { Kinds = [EventKind.Arrest] };
        var first = await extents.GetAsync(arrests);

        using (var ctx = db.NewContext())
        {
            ctx.Events.Add(new Event
            {
                Title = "A late arrest", Kind = EventKind.Arrest, ClaimStatus = ClaimStatus.Stated, Start = HistoricalDate.Create(1950, 3, 1),
                Evidence = [new EvidenceLink { SourceId = ctx.Sources.First().Id, Locator = "l. 1" }],
            });
            await ctx.SaveChangesAsync();
        }

        // The same filter, built anew (filters compare by value): the kept extent, no query.
        Assert.Equal(first, await extents.GetAsync(new EventFilter { Kinds = [EventKind.Arrest] }));
        clock.Now += TimelineExtents.Lifetime;
        Assert.Equal(new DateOnly(1950, 3, 1), (await extents.GetAsync(arrests))!.Value.To);
    }
}
