using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Web.Components.Pages.Browse;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>The timeline and the table on a database of 100,000 events (issue 5, the UI at scale).</summary>
[Collection(ScaleBrowserTests.Name)]
public class ScaleTests
{
    private const int PageSize = 50;
    private readonly ScaleFixture _app;
    private readonly ITestOutputHelper _output;

    public ScaleTests(ScaleFixture app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
        output.WriteLine(app.Description);
    }

    [Fact]
    public async Task Zooming_out_into_the_dense_years_turns_the_events_into_bars_and_zooming_back_in_draws_them_again()
    {
        await using var w = await _app.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        // Two years before the revolution: a few hundred events, drawn one by one.
        await w.GotoAsync("/timeline?start=1912-01-01&end=1913-12-31");
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        await AssertDrawnWithinCapAsync(timeline);
        var start = timeline.Window();

        // Out until the events become bars, then once more, into 1917 and after: thousands of events.
        var zooms = 0;
        while (!await timeline.ShowsBarsAsync())
        {
            Assert.True(zooms < 6, "Still drawing events one by one after six zooms out: " + await timeline.Status.InnerTextAsync());
            await timeline.ZoomAsync("Zoom out");
            zooms++;
            await AssertDrawnWithinCapAsync(timeline);
        }
        var fewer = await timeline.TotalAsync();
        await timeline.ZoomAsync("Zoom out");
        zooms++;
        await AssertDrawnWithinCapAsync(timeline);
        Assert.True(await timeline.ShowsBarsAsync());
        var total = await timeline.TotalAsync();
        Assert.True(total >= 5_000 && total > fewer, $"{total} events in {timeline.Window()}, {fewer} before");

        // Back in as many times: the first view, its events drawn again.
        for (var i = 0; i < zooms; i++)
        {
            await timeline.ZoomAsync("Zoom in");
            await AssertDrawnWithinCapAsync(timeline);
        }
        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        var end = timeline.Window();
        Assert.InRange(end.From.DayNumber - start.From.DayNumber, -1, 1);
        Assert.InRange(end.To.DayNumber - start.To.DayNumber, -1, 1);
    }

    [Fact]
    public async Task Clicking_a_density_bar_zooms_into_its_period_and_draws_its_events()
    {
        await using var w = await _app.NewPageAsync();
        var timeline = new TimelineControls(w.Page);
        // Twenty years before the revolution: a couple of thousand events. Quarters in every lane would make more
        // bars than the cap allows, so they are counted per year.
        await w.GotoAsync("/timeline?start=1895-01-01&end=1914-12-31");
        await Expect(timeline.Status).ToContainTextAsync(new Regex(Regex.Escape(TimelineControls.BarsShown) + @"\..* per year\."));
        await AssertDrawnWithinCapAsync(timeline);

        await timeline.ChangeRangeAsync(timeline.Bars.First);

        await Expect(timeline.Status).ToContainTextAsync(TimelineControls.EventsShown);
        await AssertDrawnWithinCapAsync(timeline);
        var (from, to) = timeline.Window();
        Assert.True(from is { Day: 1, Month: 1, Year: >= 1895 and <= 1914 }, $"the view starts on {from}");
        Assert.InRange(to.DayNumber - from.DayNumber, 364, 365);
    }

    /// <summary>
    /// At most <see cref="TimelineQueries.Cap"/> events are ever drawn: beyond that the view holds bars only, and the
    /// status line says which. (With bars, its count is of the events dated in the range, which can be fewer than the
    /// events reaching into it that made the view switch to bars.)
    /// </summary>
    private async Task AssertDrawnWithinCapAsync(TimelineControls timeline)
    {
        await timeline.DrawnAsync();
        var events = await timeline.Events.CountAsync();
        var bars = await timeline.Bars.CountAsync();
        var (from, to) = timeline.Window();
        _output.WriteLine($"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {events} events and {bars} bars drawn. {await timeline.Status.InnerTextAsync()}");
        Assert.InRange(events, 0, TimelineQueries.Cap);
        if (await timeline.ShowsBarsAsync())
        {
            Assert.Equal(0, events);
            Assert.InRange(bars, 1, TimelineQueries.Cap);
        }
        else
        {
            Assert.InRange(await timeline.TotalAsync(), 1, TimelineQueries.Cap);
            Assert.True(events > 0, "no events drawn");
            Assert.Equal(0, bars);
        }
    }

    [Fact]
    public async Task The_table_counts_every_event_and_pages_and_sorts_them_as_the_api_does()
    {
        await using var w = await _app.NewPageAsync();
        var page = w.Page;
        var total = ScaleFixture.Dataset.Events;
        var pages = total / PageSize;
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        var title = page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^Title") });
        var sortByTitle = title.GetByRole(AriaRole.Button, new() { Name = "Sort" });

        // Exactly the generated events: the app added no seed data to a database that had some.
        await w.GotoAsync("/table");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = " events" })).ToHaveTextAsync($"{total:N0} events");
        await ExpectPageAsync(page, 1, pages, "date");

        await pager.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await ExpectPageAsync(page, 2, pages, "date");
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?page=2$"));

        await pager.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await ExpectPageAsync(page, pages, pages, "date");

        // A link to a page far in opens on that page.
        await w.GotoAsync("/table?page=1000");
        await ExpectPageAsync(page, 1000, pages, "date");

        // Sorting by title, up then down: back to the first page, the order in the address.
        await sortByTitle.ClickAsync();
        await Expect(title).ToHaveAttributeAsync("aria-sort", "ascending");
        var titles = await ExpectPageAsync(page, 1, pages, "title");
        Assert.Equal(titles.OrderBy(TitleSorting.Key, StringComparer.Ordinal), titles);
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?sort=title$"));
        await pager.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await ExpectPageAsync(page, pages, pages, "title");
        await sortByTitle.ClickAsync();
        await Expect(title).ToHaveAttributeAsync("aria-sort", "descending");
        titles = await ExpectPageAsync(page, 1, pages, "-title");
        Assert.Equal(titles.OrderByDescending(TitleSorting.Key, StringComparer.Ordinal), titles);
        await Expect(page).ToHaveURLAsync(new Regex(@"/table\?sort=-title$"));
    }

    [Fact]
    public async Task A_search_too_common_to_count_at_once_says_at_least_then_the_exact_figure_and_the_pager_follows_it()
    {
        await using var w = await _app.NewPageAsync();
        var page = w.Page;
        // A word of every generated event's summary: the page counts no further than the bound, the rest comes after.
        var count = (await _app.Server.GetJsonAsync("/api/events/count?q=generated")).GetProperty("total").GetInt32();
        Assert.True(count > EventQueries.TextCountLimit, $"{count} events say 'generated'");
        var pages = (count + PageSize - 1) / PageSize;

        await w.GotoAsync("/table?q=generated");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = " events" })).ToHaveTextAsync($"{count:N0} events");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        await Expect(pager).ToContainTextAsync($"Page 1 of {pages:N0}");
        await pager.GetByRole(AriaRole.Link, new() { Name = "Last page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/table\?(.*&)?page={pages}(&|$)"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(count - (pages - 1) * PageSize);
    }

    [Fact]
    public async Task A_week_crowded_by_loosely_dated_events_draws_its_own_and_a_band_per_lane_counting_the_others_which_Enter_lists()
    {
        // A week of 1937 where events dated only to a month, a year or a wider span push those reaching in past the cap.
        var timelines = new TimelineQueries(_app.Server.Database.Factory);
        TimelineWindow? window = null;
        var from = new DateOnly(1937, 1, 4);
        for (; from.Year == 1937; from = from.AddDays(7))
            if (await timelines.WindowAsync(new EventFilter(), from, from.AddDays(6)) is { IsDensity: false, Loose.Count: > 0 } crowded)
            {
                window = crowded;
                break;
            }
        Assert.NotNull(window);
        var to = from.AddDays(6);
        _output.WriteLine($"{from}–{to}: {window.Total} events drawn, {window.Loose.Sum(l => l.Count)} summarised in {window.Loose.Count} bands");

        await using var w = await _app.NewPageAsync(1440, 900);
        var timeline = new TimelineControls(w.Page);
        await w.GotoAsync($"/timeline?start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}");
        await timeline.DrawnAsync();
        await Expect(timeline.Status).ToContainTextAsync($"{window.Total:N0} events dated between");
        await Expect(timeline.Status).ToContainTextAsync($"{window.Loose.Sum(l => l.Count):N0} more, dated only to a month, a year or a wider span");

        // The first lane's bands, each named with its count and period; the keyboard starts on the earliest, and Enter lists them.
        var lane = window.Lanes[0];
        var bands = window.Loose.Where(l => l.Lane == lane.Id).OrderBy(l => l.From).ToList();
        var names = await timeline.Canvas.Locator(".tl-loose").GetByRole(AriaRole.Button).EvaluateAllAsync<string[]>("bs => bs.map(b => b.getAttribute('aria-label'))");
        Assert.Subset(names.ToHashSet(), bands.Select(b => TimelineNames.Loose(b, TimelineNames.Lane(lane))).ToHashSet());
        await w.Page.GetByRole(AriaRole.Toolbar, new() { Name = "Timeline controls" }).GetByRole(AriaRole.Button, new() { Name = "Keyboard help" }).FocusAsync();
        await w.Page.Keyboard.PressAsync("Tab");
        await timeline.ExpectCurrentAsync($"l-{lane.Id}-{bands[0].Period.ToString().ToLowerInvariant()}-{bands[0].From:yyyy-MM-dd}",
            TimelineNames.Loose(bands[0], TimelineNames.Lane(lane)));
        await timeline.PressAsync("Enter");
        await Expect(w.Page).ToHaveURLAsync(_app.Server.BaseUrl + TimelineJs.ListUri(new EventFilter(), bands[0]));
    }

    /// <summary>
    /// Waits until the grid shows page <paramref name="number"/> of the sort, the same events in the same order as the
    /// API's page, and returns their titles.
    /// </summary>
    private async Task<IReadOnlyList<string>> ExpectPageAsync(IPage page, int number, int pages, string sort)
    {
        var expected = (await _app.Server.GetJsonAsync($"/api/events?sort={sort}&page={number}&pageSize={PageSize}"))
            .GetProperty("items").EnumerateArray().Select(e => (Id: e.GetProperty("id").GetInt32(), Title: e.GetProperty("title").GetString()!)).ToList();
        Assert.Equal(PageSize, expected.Count);
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination" });
        await Expect(pager).ToContainTextAsync($"Page {number:N0} of {pages:N0}");
        await Expect(pager.GetByRole(AriaRole.Link, new() { Name = $"Page {number}", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        // Each row links its event by title; the first and last rows settle when the page has loaded.
        var links = page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Link);
        await Expect(links.First).ToHaveAttributeAsync("href", $"/events/{expected[0].Id}");
        await Expect(links.Last).ToHaveAttributeAsync("href", $"/events/{expected[^1].Id}");
        Assert.Equal(expected.Select(e => $"/events/{e.Id}"), await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        var titles = await links.AllInnerTextsAsync();
        Assert.Equal(expected.Select(e => e.Title), titles);
        return titles;
    }
}
