using Timeline.Domain.Queries;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Browse;

namespace Timeline.Tests.Data;

/// <summary>
/// The windows fetched ahead of a crowded view (its neighbours, the range under a drag) are the server's own, serve the
/// status line when the browser draws them, and are forgotten with their filter.
/// </summary>
public sealed class AheadWindowTests(LooseData data) : IClassFixture<LooseData>
{
    private readonly TimelineQueries _timelines = data.Database.Get<TimelineQueries>();

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Theory]
    [InlineData("1937-06-17", "1937-06-23", false)]
    [InlineData("1937-06-07", "1937-06-13", false)]
    [InlineData("1937-06-12", "1937-06-18", true)]
    [InlineData("1937-01-01", "1937-12-31", true)]
    public async Task A_window_fetched_ahead_is_the_one_the_server_would_send_and_the_status_line_follows_it(string from, string to, bool peek)
    {
        using var feed = new TimelineFeed(_timelines);
        await feed.LoadAsync(new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));

        var ahead = await feed.AheadAsync(Day(from), Day(to), peek);

        var server = await _timelines.WindowAsync(new EventFilter(), Day(from), Day(to));
        Assert.True(server.IsDensity || server.Loose.Count > 0, "a window the browser's region could not answer");
        Assert.Equal(Json(server), Json(ahead));
        Assert.Equal(Json(server.Loose), Json(ahead!.Loose));
        Assert.Same(ahead, await feed.ShownAsync(Day(from), Day(to)));
    }

    [Fact]
    public async Task A_range_the_browser_can_draw_from_its_region_is_not_fetched_ahead()
    {
        using var feed = new TimelineFeed(_timelines);
        await feed.LoadAsync(new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));
        Assert.NotNull(feed.Held);

        Assert.Null(await feed.AheadAsync(Day("1935-03-01"), Day("1935-03-31"), peek: false));
    }

    [Fact]
    public async Task A_new_filter_forgets_the_windows_fetched_ahead_and_a_load_cancels_those_on_their_way()
    {
        using var feed = new TimelineFeed(_timelines);
        await feed.LoadAsync(new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));
        var ahead = await feed.AheadAsync(Day("1937-06-17"), Day("1937-06-23"), peek: false);
        Assert.NotNull(ahead);

        var radek = new EventFilter { PersonNames = ["Radek"] };
        await feed.LoadAsync(radek, Day("1937-06-14"), Day("1937-06-20"));
        Assert.False(feed.Knows(Day("1937-06-17"), Day("1937-06-23")));
        // Drawn by a browser that kept it anyway (it lets go of less), the status line reads the window again.
        Assert.Equal(Json(await _timelines.WindowAsync(radek, Day("1937-06-17"), Day("1937-06-23"))),
            Json(await feed.ShownAsync(Day("1937-06-17"), Day("1937-06-23"))));
        var again = await feed.AheadAsync(Day("1937-06-17"), Day("1937-06-23"), peek: false);
        Assert.Equal(Json(await _timelines.WindowAsync(radek, Day("1937-06-17"), Day("1937-06-23"))), Json(again));
        Assert.NotEqual(Json(ahead), Json(again));

        // A fetch still on its way when the view loads a window of its own gives nothing.
        var fetching = feed.AheadAsync(Day("1937-06-10"), Day("1937-06-16"), peek: true);
        await feed.LoadAsync(radek, Day("1937-06-21"), Day("1937-06-27"));
        Assert.Null(await fetching);
        Assert.False(feed.Knows(Day("1937-06-10"), Day("1937-06-16")));
    }

    [Fact]
    public async Task Once_the_filter_changes_nothing_of_the_old_one_is_kept_or_fetched_ahead()
    {
        using var feed = new TimelineFeed(_timelines);
        await feed.LoadAsync(new EventFilter(), Day("1937-06-14"), Day("1937-06-20"));
        var fetching = feed.AheadAsync(Day("1937-06-17"), Day("1937-06-23"), peek: false);

        feed.FilterChanging();

        Assert.Null(await fetching);
        Assert.False(feed.Knows(Day("1937-06-14"), Day("1937-06-20")));
        Assert.Null(await feed.AheadAsync(Day("1937-06-21"), Day("1937-06-27"), peek: true));
        Assert.Null(await feed.ShownAsync(Day("1937-06-14"), Day("1937-06-20")));
        var radek = new EventFilter { PersonNames = ["Radek"] };
        Assert.True((await feed.LoadAsync(radek, Day("1937-06-14"), Day("1937-06-20")))!.NewFilter);
        Assert.NotNull(await feed.AheadAsync(Day("1937-06-21"), Day("1937-06-27"), peek: true));
    }

    [Fact]
    public async Task Only_the_latest_windows_are_kept_and_one_drawn_again_is_kept_longer()
    {
        using var feed = new TimelineFeed(_timelines);
        // (The window loaded is kept too, and is the first to go.)
        await feed.LoadAsync(new EventFilter(), Day("1937-03-01"), Day("1937-03-07"));
        var first = Day("1937-06-01");
        for (var i = 0; i <= TimelineFeed.WindowsKept; i++)
            Assert.NotNull(await feed.AheadAsync(first.AddDays(i), first.AddDays(i + 6), peek: false));

        Assert.False(feed.Knows(first, first.AddDays(6)));
        Assert.True(feed.Knows(first.AddDays(1), first.AddDays(7)));
        Assert.True(feed.Knows(first.AddDays(TimelineFeed.WindowsKept), first.AddDays(TimelineFeed.WindowsKept + 6)));
        // One drawn again goes to the back of the line: the next window kept lets go of the one after it instead.
        Assert.NotNull(await feed.ShownAsync(first.AddDays(1), first.AddDays(7)));
        Assert.NotNull(await feed.AheadAsync(first.AddDays(-1), first.AddDays(5), peek: false));
        Assert.True(feed.Knows(first.AddDays(1), first.AddDays(7)));
        Assert.False(feed.Knows(first.AddDays(2), first.AddDays(8)));
    }
}
